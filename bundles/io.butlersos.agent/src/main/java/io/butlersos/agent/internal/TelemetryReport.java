package io.butlersos.agent.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.hostinfo.HostFacts;
import io.butlersos.api.json.Json;

/**
 * The telemetry body. Built from an allow-list of fields, never from a whole record, so nothing
 * identifying (host name, IP or MAC addresses, Sense server names, configuration values) can slip in.
 */
final class TelemetryReport {

    /**
     * A bundle that is running.
     *
     * @param name its symbolic name
     * @param version its version
     */
    record ActiveBundle(String name, String version) {
    }

    private TelemetryReport() {
    }

    static String json(String agentVersion, HostFacts host, List<ActiveBundle> bundles, List<String> sinks,
            Instant sentAt) {
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("version", host.javaVersion());
        java.put("vendor", host.javaVendor());
        java.put("vm", host.jvmName());

        Map<String, Object> os = new LinkedHashMap<>();
        os.put("family", host.osFamily());
        os.put("version", host.osVersion());
        os.put("arch", host.arch());
        os.put("bitness", host.osBitness());
        os.put("inContainer", host.inContainer());
        os.put("logicalCores", host.cpuLogicalCores());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "butler-sos-java");
        body.put("version", agentVersion);
        body.put("sentAt", sentAt.toString());
        body.put("java", java);
        body.put("os", os);
        body.put("bundles", bundles);
        body.put("sinks", sinks);
        return Json.write(body);
    }
}
