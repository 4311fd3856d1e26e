package io.butlersos.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet context of every endpoint of this bundle, on the agent's own Jetty. It checks each
 * request's credentials before any servlet runs, and sets headers that keep the page from being
 * framed, sniffed or fed scripts from elsewhere.
 *
 * <p>Immediate, so it is activated on the configuration thread in the order configurations change;
 * a delayed component would be activated from Jetty's start-up thread and could catch a configuration
 * that is being replaced.
 */
@Component(configurationPid = WebConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {ServletContextHelper.class, WebContext.class})
@HttpWhiteboardContext(name = WebPaths.CONTEXT_NAME, path = "/")
@HttpWhiteboardTarget(JettySettings.TARGET)
public final class WebContext extends ServletContextHelper {

    private static final Logger LOG = LoggerFactory.getLogger(WebContext.class);
    /** Refusals are logged at most this often, so a scanner cannot flood the log. */
    private static final long LOG_EVERY_MS = 60_000;

    // Replaced in place on a configuration change: the HTTP whiteboard may keep using the instance it
    // already holds, so a new instance alone could leave the old credentials in force.
    private volatile Authenticator authenticator;
    private volatile boolean probesPublic;
    private final AtomicLong refused = new AtomicLong();
    private volatile long lastLogged;

    @Activate
    public WebContext(WebConfig config) throws WebSettingsException {
        apply(config);
    }

    @org.osgi.service.component.annotations.Modified
    void modified(WebConfig config) throws WebSettingsException {
        apply(config);
    }

    private void apply(WebConfig config) throws WebSettingsException {
        this.authenticator = Authenticator.of(AuthMode.of(config.auth()), config.auth_user(), config._auth_password(),
                config._auth_token());
        this.probesPublic = config.probes_public();
        LOG.debug("Web context active: authentication {}, probes {}", authenticator.mode(), probesPublic ? "open" : "guarded");
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        LOG.debug("Web context stopped (authentication {})", authenticator.mode());
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        response.setHeader("Cache-Control", "no-store");
        if (probesPublic && WebPaths.isProbe(request.getRequestURI())) {
            return true;
        }
        if (authenticator.accepts(request.getHeader("Authorization"))) {
            return true;
        }
        long count = refused.incrementAndGet();
        if (LOG.isDebugEnabled()) {
            String header = request.getHeader("Authorization");
            LOG.debug("Refused {}: Authorization header {}", request.getRequestURI(), header == null ? "absent"
                    : "with scheme '" + header.split(" ", 2)[0] + "', " + header.length() + " characters");
        }
        long now = System.currentTimeMillis();
        if (now - lastLogged > LOG_EVERY_MS) {
            lastLogged = now;
            LOG.warn("Refused a request to {} from {} without valid credentials ({} refused so far)",
                    request.getRequestURI(), request.getRemoteAddr(), count);
        }
        // Answered here rather than with sendError: an error dispatch would run this check a second time.
        byte[] body = "{\"status\":401,\"error\":\"authentication required\"}".getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", authenticator.challenge());
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return false;
    }

    /** Requests refused for want of valid credentials since the context started. */
    long refused() {
        return refused.get();
    }

    String authMode() {
        return authenticator.mode().name().toLowerCase(java.util.Locale.ROOT);
    }
}
