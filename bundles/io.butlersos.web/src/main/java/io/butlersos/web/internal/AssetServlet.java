package io.butlersos.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

/**
 * The status page's files, served from this bundle (no CDN, nothing fetched from elsewhere). Only the
 * files listed here are served; any other path is a 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/", "/config", "/logconfig", WebPaths.ASSETS})
@HttpWhiteboardContextSelect(WebPaths.CONTEXT_SELECT)
@HttpWhiteboardTarget(JettySettings.TARGET)
public final class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Request path → file under /assets in the bundle, with its content type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"index.html", "text/html;charset=utf-8"},
            "/config", new String[] {"config.html", "text/html;charset=utf-8"},
            "/logconfig", new String[] {"logconfig.html", "text/html;charset=utf-8"},
            "/assets/status.js", new String[] {"status.js", "text/javascript;charset=utf-8"},
            "/assets/charts.js", new String[] {"charts.js", "text/javascript;charset=utf-8"},
            "/assets/config.js", new String[] {"config.js", "text/javascript;charset=utf-8"},
            "/assets/logconfig.js", new String[] {"logconfig.js", "text/javascript;charset=utf-8"},
            "/assets/status.css", new String[] {"status.css", "text/css;charset=utf-8"},
            "/assets/favicon.svg", new String[] {"favicon.svg", "image/svg+xml"});

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] file = FILES.get(request.getRequestURI());
        if (file == null) {
            notFound(response, "no such page");
            return;
        }
        try (InputStream in = AssetServlet.class.getResourceAsStream("/assets/" + file[0])) {
            if (in == null) {
                notFound(response, "missing from the bundle: " + file[0]);
                return;
            }
            byte[] bytes = in.readAllBytes();
            response.setContentType(file[1]);
            response.setHeader("Cache-Control", "no-cache");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private static void notFound(HttpServletResponse response, String why) throws IOException {
        byte[] body = ("Not found: " + why + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
