package io.butlersos.config.internal.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.butlersos.config.internal.schema.Doc;

/**
 * Butler SOS's two small web servers, {@code configVisualisation} (the configuration as a web page) and
 * {@code dockerHealthCheck} ({@code GET /health}), become the one web server of {@code io.butlersos.web}: its
 * configuration view and its {@code /health} endpoint. One server has one address: the configuration view's
 * host and port when it is on, else the health check's port. Secrets are always masked there, and a host
 * other than loopback needs authentication, which a Butler SOS file cannot give.
 */
final class WebEndpoints {

    static final String VIS = "configVisualisation";
    static final String HEALTH = "dockerHealthCheck";

    private WebEndpoints() {
    }

    static boolean visualisationOn(Doc doc) {
        return doc.has(VIS) && doc.notFalse(VIS + ".enable");
    }

    static boolean healthCheckOn(Doc doc) {
        return doc.has(HEALTH) && doc.notFalse(HEALTH + ".enable");
    }

    static boolean on(Doc doc) {
        return visualisationOn(doc) || healthCheckOn(doc);
    }

    /** The configuration view's host, when it keeps the endpoints on this machine; otherwise the web default (127.0.0.1). */
    static String host(Doc doc) {
        Object host = visualisationOn(doc) ? doc.get(VIS + ".host") : null;
        return host != null && isLoopback(host.toString()) ? host.toString().trim() : null;
    }

    static Long port(Doc doc) {
        Object vis = visualisationOn(doc) ? doc.get(VIS + ".port") : null;
        Object health = healthCheckOn(doc) ? doc.get(HEALTH + ".port") : null;
        return (Long) (vis != null ? vis : health);
    }

    static List<String> notices(Doc doc) {
        List<String> notices = new ArrayList<>();
        if (visualisationOn(doc)) {
            Object host = doc.get(VIS + ".host");
            if (host != null && !isLoopback(host.toString())) {
                notices.add(Doc.display(VIS + ".host") + " \"" + host + "\" is not applied: the web endpoints serve other "
                        + "machines only with authentication, which a Butler SOS file cannot set; they stay on 127.0.0.1 "
                        + "(set host and auth in config/io.butlersos.web.cfg to open them)");
            }
            if (Boolean.FALSE.equals(doc.get(VIS + ".obfuscate"))) {
                notices.add(Doc.display(VIS + ".obfuscate") + " is false, but the configuration view of io.butlersos.web "
                        + "always masks secrets");
            }
        }
        Object visPort = visualisationOn(doc) ? doc.get(VIS + ".port") : null;
        Object healthPort = healthCheckOn(doc) ? doc.get(HEALTH + ".port") : null;
        if (visPort != null && healthPort != null && !visPort.equals(healthPort)) {
            notices.add(Doc.display(HEALTH + ".port") + " " + healthPort + " is not used: /health is served with the "
                    + "configuration view on " + Doc.display(VIS + ".port") + " " + visPort + " (io.butlersos.web is one server)");
        }
        return notices;
    }

    /** Loopback by its text (no DNS lookup while translating): localhost, 127.x.x.x, ::1. */
    static boolean isLoopback(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }
}
