package io.butlersos.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.butlersos.api.ops.SenseLogConfigs;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

/**
 * The {@code LocalLogConfig.xml} files for the Sense services, as the appenders bundle generates them
 * from the running receiver configuration: {@code /api/logconfig} lists them all (for the page), and
 * {@code /api/logconfig/<service>} downloads one. Without that bundle the list says so.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({WebPaths.LOGCONFIG_API, WebPaths.LOGCONFIG_API + "/*"})
@HttpWhiteboardContextSelect(WebPaths.CONTEXT_SELECT)
@HttpWhiteboardTarget(JettySettings.TARGET)
public final class LogConfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile SenseLogConfigs configs;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SenseLogConfigs current = configs;
        String service = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        if (service.isEmpty()) {
            JsonResponses.send(response, HttpServletResponse.SC_OK, list(current));
        } else if (current == null) {
            JsonResponses.send(response, HttpServletResponse.SC_NOT_FOUND, Map.of("status", 404, "error", ABSENT));
        } else if (!current.services().contains(service.toLowerCase(Locale.ROOT))) {
            JsonResponses.send(response, HttpServletResponse.SC_NOT_FOUND, Map.of("status", 404,
                    "error", "no LocalLogConfig.xml for '" + service + "'; one of " + current.services()));
        } else {
            byte[] xml = current.localLogConfig(service).getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/xml;charset=utf-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"LocalLogConfig.xml\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(xml.length);
            response.getOutputStream().write(xml);
        }
    }

    static final String ABSENT = "the io.butlersos.appenders bundle is not running, so no files are generated";

    /** Every file with the folder it goes to on a Sense node. */
    static Map<String, Object> list(SenseLogConfigs current) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("available", current != null);
        if (current == null) {
            body.put("reason", ABSENT);
            return body;
        }
        body.put("remoteAddress", current.remoteAddress());
        List<Object> files = new ArrayList<>();
        for (String service : current.services()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("service", service);
            file.put("path", senseFolder(service) + "\\LocalLogConfig.xml");
            file.put("download", WebPaths.LOGCONFIG_API + "/" + service);
            file.put("xml", current.localLogConfig(service));
            files.add(file);
        }
        body.put("files", files);
        return body;
    }

    /** The service's folder under Sense's program data, where its log4net appender file is read from. */
    static String senseFolder(String service) {
        return "C:\\ProgramData\\Qlik\\Sense\\" + Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }
}
