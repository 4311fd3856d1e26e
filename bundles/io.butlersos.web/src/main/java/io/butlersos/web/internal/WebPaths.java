package io.butlersos.web.internal;

/** The endpoints, the whiteboard context they share, and the filters that select it. */
final class WebPaths {

    static final String CONTEXT_NAME = "butlersos";
    static final String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";

    static final String HEALTH = "/health";
    static final String READY = "/ready";
    static final String STATUS_API = "/api/status";
    static final String CONFIG_API = "/api/config";
    static final String LOGCONFIG_API = "/api/logconfig";
    static final String ASSETS = "/assets/*";

    private WebPaths() {
    }

    /** Whether a path is a probe, which {@link WebConfig#probes_public()} may open. */
    static boolean isProbe(String path) {
        return HEALTH.equals(path) || READY.equals(path);
    }
}
