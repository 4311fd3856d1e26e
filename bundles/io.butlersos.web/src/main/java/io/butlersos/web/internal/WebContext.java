package io.butlersos.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
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
 * <p>It lives as long as the bundle and asks the current {@link WebAccess} on every request, which
 * {@link HttpServerManager} sets before it writes the Jetty configuration for the same settings. So
 * Jetty never serves an address with the credentials of an earlier configuration, however the HTTP
 * whiteboard holds on to this context while Jetty restarts, and whatever order components start in.
 */
@Component(immediate = true, service = {ServletContextHelper.class, WebContext.class})
@HttpWhiteboardContext(name = WebPaths.CONTEXT_NAME, path = "/")
@HttpWhiteboardTarget(JettySettings.TARGET)
public final class WebContext extends ServletContextHelper {

    private static final Logger LOG = LoggerFactory.getLogger(WebContext.class);
    /** Refusals are logged at most this often, so a scanner cannot flood the log. */
    private static final long LOG_EVERY_MS = 60_000;

    private volatile WebAccess access;

    private final AtomicLong refused = new AtomicLong();
    private volatile long lastLogged;

    /** Who may call from now on; null while no valid web configuration is in force (every request gets 503). */
    void use(WebAccess next) {
        if (next != access) {
            access = next;
            lastLogged = 0; // the first refusal under new settings is always logged
        }
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
        WebAccess current = access;
        if (current == null) {
            // No configuration in force: nobody is let in while it is unknown who may be.
            answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "web endpoints are being reconfigured");
            return false;
        }
        if (current.admits(request.getRequestURI(), request.getHeader("Authorization"))) {
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
            LOG.warn("Refused a request to {} from {} without valid credentials for {} authentication ({} refused so far)",
                    request.getRequestURI(), request.getRemoteAddr(), current.mode(), count);
        }
        response.setHeader("WWW-Authenticate", current.challenge());
        answer(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
        return false;
    }

    /** Answered here rather than with sendError: an error dispatch would run this check a second time. */
    private static void answer(HttpServletResponse response, int status, String error) throws IOException {
        byte[] body = ("{\"status\":" + status + ",\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Requests refused for want of valid credentials since the bundle started. */
    long refused() {
        return refused.get();
    }
}

