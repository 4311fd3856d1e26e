package io.butlersos.simulator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.butlersos.simulator.SenseWorld;

/**
 * One simulated Sense node per factory configuration. A changed configuration restarts the node
 * (no {@code @Modified}), which is what a test of "the server went away and came back" wants.
 */
@Component(configurationPid = SimulatorServerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = SimulatorServerConfig.class, factory = true)
public final class SimulatorServerComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServerComponent.class);

    private SimulatedSite site;

    @Activate
    void activate(SimulatorServerConfig config) throws IOException {
        SenseWorld world = new SenseWorld(config.seed(), config.apps(), config.users(),
                Duration.ofMillis(config.step_ms()), Instant.now());
        Path folder = Path.of(config.cert_folder()).toAbsolutePath();
        char[] password = config._export_password().toCharArray();
        site = SimulatedSite.create(folder, split(config.server_names()), password, world, 4, Clock.systemUTC());
        SimulatedNode node = site.start(new SimulatedNode.Settings(config.name(), config.bind_address(),
                config.engine_port(), config.proxy_port(), config.repository_port(),
                split(config.virtual_proxies()), config.engine_version()));
        node.setResponseDelay(Duration.ofMillis(config.response_delay_ms()));
        LOG.info("Sense simulator node '{}' listening on {}: engine port {}, proxy port {}, repository port {};"
                + " certificates in {}", node.name(), node.bindAddress(), node.enginePort(), node.proxyPort(),
                node.repositoryPort(), folder);
    }

    /** Entries, each also split at commas: a .cfg file can only give one string for a list. */
    static List<String> split(String[] values) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    @Deactivate
    void deactivate() {
        if (site != null) {
            site.close();
            LOG.info("Sense simulator node stopped");
        }
    }
}
