package io.butlersos.web.internal;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

/** Readiness: 200 when every configured source succeeded recently and every sink delivers, else 503; JSON says why. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(WebPaths.READY)
@HttpWhiteboardContextSelect(WebPaths.CONTEXT_SELECT)
@HttpWhiteboardTarget(JettySettings.TARGET)
public final class ReadyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ReadinessCheck check;

    @Activate
    public ReadyServlet(@Reference ReadinessCheck check) {
        this.check = check;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Readiness.Report report = check.evaluate();
        JsonResponses.send(response, report.ready() ? HttpServletResponse.SC_OK
                : HttpServletResponse.SC_SERVICE_UNAVAILABLE, report.toJson());
    }
}
