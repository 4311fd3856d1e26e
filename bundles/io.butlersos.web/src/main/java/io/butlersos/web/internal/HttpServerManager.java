package io.butlersos.web.internal;

import java.io.IOException;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent's own Jetty server: it writes the Felix Jetty factory configuration
 * {@code org.apache.felix.http~butlersos-web} from {@link WebConfig}, updates it when the web
 * configuration changes (Jetty restarts on the new address), and deletes it when the web
 * configuration goes, which stops the server. A configuration that cannot be served safely stops
 * the server too, with one log line naming the key. It also hands the settings' credentials to
 * {@link WebContext}, before the server is told to serve them.
 */
@Component(configurationPid = WebConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = HttpServerManager.class)
@Designate(ocd = WebConfig.class)
public final class HttpServerManager {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServerManager.class);

    private final ConfigurationAdmin admin;
    private final WebContext context;

    @Activate
    public HttpServerManager(@Reference ConfigurationAdmin admin, @Reference WebContext context, WebConfig config) {
        this.admin = admin;
        this.context = context;
        apply(config);
    }

    @Modified
    void modified(WebConfig config) {
        apply(config);
    }

    private void apply(WebConfig config) {
        Hashtable<String, Object> jetty;
        try {
            jetty = JettySettings.of(config);
            // Credentials first: once Jetty serves these settings, they are already checked.
            context.use(WebAccess.of(config));
        } catch (WebSettingsException e) {
            LOG.error("Web endpoints not started: {} (config/{}.cfg)", e.getMessage(), WebConfig.PID);
            stopServer();
            context.use(null);
            return;
        }
        try {
            Configuration c = admin.getFactoryConfiguration(JettySettings.JETTY_FACTORY_PID,
                    JettySettings.JETTY_CONFIG_NAME, "?");
            if (c.updateIfDifferent(jetty)) {
                LOG.info("Web endpoints on {}://{}:{}/ (authentication: {})", config.tls_enabled() ? "https" : "http",
                        config.host().trim(), config.port(), config.auth().trim().toLowerCase(java.util.Locale.ROOT));
            }
        } catch (IOException e) {
            LOG.error("Web endpoints not started: Config Admin refused the Jetty configuration: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        stopServer();
        context.use(null);
    }

    private void stopServer() {
        try {
            Configuration[] existing = admin.listConfigurations("(&(service.factoryPid=" + JettySettings.JETTY_FACTORY_PID
                    + ")(" + JettySettings.NAME_PROPERTY + "=" + JettySettings.JETTY_CONFIG_NAME + "))");
            if (existing != null) {
                for (Configuration c : existing) {
                    c.delete();
                }
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException | IllegalStateException e) {
            LOG.warn("Could not remove the web endpoints' Jetty configuration: {}", e.getMessage());
        }
    }
}
