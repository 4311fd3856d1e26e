package io.butlersos.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardTarget;

/**
 * The configuration view: every Config Admin configuration of an {@code io.butlersos.*} PID, with
 * each secret masked ({@link ConfigMasker}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(WebPaths.CONFIG_API)
@HttpWhiteboardContextSelect(WebPaths.CONTEXT_SELECT)
@HttpWhiteboardTarget(JettySettings.TARGET)
public final class ConfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String FILTER = "(|(service.pid=io.butlersos.*)(service.factoryPid=io.butlersos.*))";

    private final transient ConfigurationAdmin admin;
    private final transient BundleContext bundleContext;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile MetaTypeService metatype;

    @Activate
    public ConfigServlet(@Reference ConfigurationAdmin admin, BundleContext bundleContext) {
        this.admin = admin;
        this.bundleContext = bundleContext;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Configuration[] found;
        try {
            found = admin.listConfigurations(FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the configuration filter is constant and valid", e);
        }
        List<Configuration> configs = new ArrayList<>(found == null ? List.of() : List.of(found));
        configs.sort(Comparator.comparing(Configuration::getPid));
        MetaTypeService mts = metatype;
        List<Object> entries = new ArrayList<>();
        for (Configuration c : configs) {
            Set<String> secrets = PasswordAttributes.of(mts, bundleContext.getBundles(), c.getPid(), c.getFactoryPid());
            entries.add(ConfigMasker.entry(c.getPid(), c.getFactoryPid(), ConfigMasker.mask(c.getProperties(), secrets)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metatype", mts != null);
        body.put("configurations", entries);
        JsonResponses.send(response, HttpServletResponse.SC_OK, body);
    }
}
