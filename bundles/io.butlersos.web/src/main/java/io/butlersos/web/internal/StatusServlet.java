package io.butlersos.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.butlersos.api.agent.health.ErrorCounts;
import io.butlersos.api.sink.DeliveryMonitor;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

/** The JSON the status page polls: servers, charts, errors, sinks, receivers, event counts and readiness. */
@Component(service = Servlet.class, configurationPid = WebConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardServletPattern(WebPaths.STATUS_API)
@HttpWhiteboardContextSelect(WebPaths.CONTEXT_SELECT)
@HttpWhiteboardTarget(JettySettings.TARGET)
public final class StatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient StatusCollector collector;
    private final transient ReadinessCheck readiness;
    private final transient WebContext context;
    private volatile long refreshMs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DeliveryMonitor monitor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ErrorCounts errorCounts;

    @Activate
    public StatusServlet(@Reference StatusCollector collector, @Reference ReadinessCheck readiness,
            @Reference WebContext context, WebConfig config) {
        this.collector = collector;
        this.readiness = readiness;
        this.context = context;
        this.refreshMs = config.refresh_ms();
    }

    @Modified
    void modified(WebConfig config) {
        this.refreshMs = config.refresh_ms();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> body = collector.board().snapshot();
        body.put("refreshMs", Math.max(250, refreshMs));
        DeliveryMonitor m = monitor;
        body.put("sinks", m == null ? List.of() : SinkViews.of(m.sinks()));
        ErrorCounts counts = errorCounts;
        body.put("errorsToday", counts == null ? null : counts.today());
        Readiness.Report report = readiness.evaluate();
        body.put("ready", report.ready());
        body.put("problems", report.problems());
        body.put("authRefused", context.refused());
        JsonResponses.send(response, HttpServletResponse.SC_OK, body);
    }
}
