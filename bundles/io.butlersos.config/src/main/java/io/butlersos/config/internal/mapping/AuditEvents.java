package io.butlersos.config.internal.mapping;

import java.util.List;

import io.butlersos.config.internal.schema.Doc;

/**
 * Butler SOS 15's {@code auditEvents}: an HTTP API (on {@code auditEvents.host:port}) where the Audit.qs
 * browser extension posts selections, sheet views and screenshots, which Butler SOS stores in InfluxDB,
 * Parquet, QVD or JSON files. This agent has no such API. The section is read so the file still loads, and
 * when it is switched on the agent says plainly that nothing listens there.
 */
final class AuditEvents {

    private AuditEvents() {
    }

    static List<String> notices(Doc doc) {
        // Butler SOS starts the API only when enable is exactly true; the section is kept unchecked, as a map.
        if (!"true".equals(String.valueOf(doc.find("auditEvents.enable")))) {
            return List.of();
        }
        Object host = doc.find("auditEvents.host");
        Object port = doc.find("auditEvents.port");
        String address = (host == null ? "auditEvents.host" : host) + ":" + (port == null ? "auditEvents.port" : port);
        return List.of(Doc.display("auditEvents") + " is on, but this agent has no audit events API: nothing listens on "
                + address + " for the Audit.qs extension, and no audit events are stored; the section is read, "
                + "not checked or applied");
    }
}
