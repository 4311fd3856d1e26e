package io.butlersos.itest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.butlersos.config.ConfigStatus;
import io.butlersos.itest.ActiveComponents;
import io.butlersos.itest.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** A Butler SOS YAML driving the agent in a real framework: applied, edited live, a broken edit refused. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class YamlConfigurationIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    ServiceComponentRuntime scr;

    private YamlRig rig;
    private Configuration nativeConfig;
    private Configuration nativeOther;

    @BeforeEach
    void setUp() throws Exception {
        rig = new YamlRig(context, admin);
        assertNull(rig.ours(), "no configuration from an earlier YAML is left");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Configuration c : new Configuration[] {nativeConfig, nativeOther}) {
            try {
                if (c != null) {
                    c.delete();
                }
            } catch (IllegalStateException alreadyDeleted) {
                // the test deleted it itself
            }
        }
        rig.close();
    }

    private String yaml(String uptimeFrequency, String... serverNames) throws Exception {
        StringBuilder servers = new StringBuilder();
        for (String name : serverNames) {
            servers.append("      - host: 127.0.0.1:").append(YamlRig.freePort()).append('\n')
                    .append("        serverName: ").append(name).append('\n');
        }
        return """
                Butler-SOS:
                  uptimeMonitor:
                    enable: true
                    frequency: %s
                    storeInInfluxdb:
                      butlerSOSMemoryUsage: false
                  cert:
                    clientCert: %s/client.pem
                    clientCertKey: %s/client_key.pem
                  serversToMonitor:
                    pollingInterval: 60000
                    servers:
                %s""".formatted(uptimeFrequency, rig.folder, rig.folder, servers);
    }

    @Test
    void anEditIsAppliedLiveToTheRunningComponents() throws Exception {
        rig.write(yaml("every 5 minutes", "alpha", "beta"));
        rig.start();

        Await.until("the uptime component runs with the YAML's interval",
                () -> Objects.equals(300L, toLong(ActiveComponents.property(scr, "io.butlersos.agent.uptime",
                        "interval.s"))));
        assertEquals("127.0.0.1", String.valueOf(rig.property("io.butlersos.sense.server~alpha", "host")).split(":")[0]);
        assertNotNull(rig.properties("io.butlersos.sense.server~beta"));
        assertEquals(60_000L, rig.property("io.butlersos.sense.server~beta", "health.interval.ms"));

        rig.write(yaml("every 10 minutes", "alpha"));

        Await.until("the edited interval reaches the running component",
                () -> Objects.equals(600L, toLong(ActiveComponents.property(scr, "io.butlersos.agent.uptime",
                        "interval.s"))));
        Await.until("the server the file no longer names is removed",
                () -> rig.properties("io.butlersos.sense.server~beta") == null);
        assertNotNull(rig.properties("io.butlersos.sense.server~alpha"));
        assertTrue(rig.status().problems().isEmpty());
    }

    @Test
    void aBrokenEditIsRefusedAndTheLastGoodConfigurationKeepsRunning() throws Exception {
        rig.write(yaml("every 5 minutes", "alpha"));
        rig.start();
        Await.until("the file is applied", () -> Objects.equals(300L, rig.property("io.butlersos.agent.uptime", "interval.s")));

        rig.write("""
                Butler-SOS:
                  uptimeMonitor:
                    frequency: every 7 minutes
                  serversToMonitor:
                    pollingIntervall: 10000
                    servers:
                      - serverName: alpha
                """);

        Await.until("the refusal is reported", () -> rig.status() != null && !rig.status().problems().isEmpty());
        String file = rig.yaml.toString();
        assertEquals(List.of(
                file + ":5: Butler-SOS.serversToMonitor.pollingIntervall: unknown key \"pollingIntervall\" "
                        + "(did you mean \"pollingInterval\"?)",
                file + ":7: Butler-SOS.serversToMonitor.servers[0].host: missing required value"),
                rig.status().problems());
        assertEquals(300L, rig.property("io.butlersos.agent.uptime", "interval.s"), "the last good value stays");
        assertNotNull(rig.properties("io.butlersos.sense.server~alpha"));
        assertTrue(rig.status().render().contains("# Refused, the file has problems:"));

        rig.write(yaml("every 7 minutes", "alpha"));
        // The configuration is written first, then the status is updated: wait for both.
        Await.until("the fixed file is applied and the refusal cleared", () -> Objects.equals(420L,
                rig.property("io.butlersos.agent.uptime", "interval.s")) && rig.status().problems().isEmpty());
    }

    @Test
    void nativeConfigurationsWinAndOthersAreLeftAlone() throws Exception {
        nativeConfig = admin.getConfiguration("io.butlersos.agent.heartbeat", "?");
        Hashtable<String, Object> own = new Hashtable<>();
        own.put("enable", false);
        own.put("remote.url", "http://127.0.0.1:9/native");
        nativeConfig.update(own);
        nativeOther = admin.getConfiguration("io.butlersos.itest.unrelated", "?");
        nativeOther.update(new Hashtable<>(Map.of("kept", "yes")));

        rig.write(yaml("every 5 minutes", "alpha") + """
                  heartbeat:
                    enable: true
                    remoteURL: http://127.0.0.1:9/yaml
                """);
        rig.start();

        try {
            Await.until("the file is applied", () -> rig.status() != null && rig.status().appliedAt().isPresent());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + rig.describe().get(), e);
        }
        assertEquals("http://127.0.0.1:9/native", rig.property("io.butlersos.agent.heartbeat", "remote.url"));
        assertNull(rig.property("io.butlersos.agent.heartbeat", YamlRig.MARKER));
        assertTrue(rig.status().notices().contains(
                "io.butlersos.agent.heartbeat is set by a native configuration, which wins over the YAML"),
                rig.status().notices().toString());

        nativeConfig.delete();
        try {
            Await.until("without the native file the YAML's heartbeat applies",
                    () -> "http://127.0.0.1:9/yaml".equals(rig.property("io.butlersos.agent.heartbeat", "remote.url")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + rig.properties("io.butlersos.agent.heartbeat") + " " + rig.describe().get(), e);
        }

        rig.write(yaml("every 5 minutes", "alpha"));
        Await.until("the heartbeat the file no longer sets is removed",
                () -> rig.properties("io.butlersos.agent.heartbeat") == null);
        assertEquals("yes", rig.property("io.butlersos.itest.unrelated", "kept"), "a configuration the YAML never made stays");
    }

    @Test
    void aBadFileAtStartAppliesNothing() throws Exception {
        rig.write("""
                Butler-SOS:
                  influxdbConfig:
                    host: 127.0.0.1
                    port: eighty
                """);
        rig.start();

        Await.until("the problems are reported", () -> rig.status() != null && !rig.status().problems().isEmpty());
        assertEquals(List.of(rig.yaml + ":4: Butler-SOS.influxdbConfig.port: expected a whole number, found \"eighty\""),
                rig.status().problems());
        assertNull(admin.listConfigurations("(" + YamlRig.MARKER + "=*)"));
        ConfigStatus status = rig.status();
        assertTrue(status.appliedAt().isEmpty());
    }

    private static Long toLong(Object value) {
        return value instanceof Number n ? n.longValue() : value == null ? null : Long.valueOf(value.toString());
    }
}
