package io.butlersos.itest.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sink.DeliveryMonitor;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.OutputSignals;
import io.butlersos.itest.sense.SenseRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The Prometheus output inside Felix: its embedded Prometheus client resolves, the JDK HTTP server
 * comes from the system bundle, and a factory configuration makes it serve what the core delivers.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class PrometheusSinkIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    DeliveryMonitor monitor;

    private final HttpClient http = HttpClient.newHttpClient();

    private String scrape(int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Test
    void theHttpServerPackageComesFromTheSystemBundle() {
        Bundle sink = findBundle("io.butlersos.sink.prometheus");
        assertEquals(Bundle.ACTIVE, sink.getState(), "the Prometheus bundle is active");
        BundleWire wire = sink.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                .filter(w -> "com.sun.net.httpserver".equals(w.getCapability().getAttributes().get("osgi.wiring.package")))
                .findFirst().orElseThrow(() -> new AssertionError("com.sun.net.httpserver is not wired"));
        assertEquals(0L, wire.getProvider().getBundle().getBundleId(), "exported by the system bundle");
    }

    @Test
    void aFactoryConfigurationServesWhatTheCoreDelivers() throws Exception {
        CoreSettings.fast(admin);
        int port = freePort();
        Configuration config = admin.getFactoryConfiguration("io.butlersos.sink.prometheus", "itest", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("butlersos.sink.name", "itest-prometheus");
        config.update(props);
        try {
            Await.until("the core to serve the Prometheus output", () -> monitor.sinks().stream()
                    .anyMatch(s -> s.sinkName().equals("itest-prometheus") && s.attached()
                            && s.target().equals("http://127.0.0.1:" + port + "/metrics")));
            publisher.publish(OutputSignals.health("itest-server", 33.5));
            Await.until("the endpoint to serve the health sample", () -> scrape(port).contains(
                    "butlersos_cpu_total{host=\"itest-server.lab\",server_description=\"itest\",server_name=\"itest-server\"} 33.5"));
            assertTrue(scrape(port).contains("butlersos_mem_committed{host=\"itest-server.lab\""));
        } finally {
            config.delete();
        }
        Await.until("the endpoint to close", () -> scrape(port).isEmpty());
    }

    @Test
    void pollsOfASimulatedServerAreCountedAndTimed() throws Exception {
        CoreSettings.fast(admin);
        int port = freePort();
        Path export = Files.createTempDirectory("prometheus-itest").resolve("export");
        Configuration config = admin.getFactoryConfiguration("io.butlersos.sink.prometheus", "itest-polls", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("butlersos.sink.name", "itest-polls");
        config.update(props);
        try (SenseRig rig = new SenseRig(admin)) {
            SenseRig.Node node = rig.simulator("polled", export);
            rig.certificateSet("default", export);
            rig.senseServer("polled", node, "health.interval.ms", 500L, "sessions.interval.ms", 500L,
                    "virtual.proxies", new String[] {"/", "/nope"});

            // sense.poll results travel from the poller through the core to the scrape endpoint.
            String health = "outcome=\"success\",poll=\"health\",server_name=\"polled\"";
            Await.until("the health polls' histogram and counter", () -> {
                String body = scrape(port);
                return body.contains("butlersos_poll_duration_seconds_count{" + health + "}")
                        && body.contains("butlersos_poll_duration_seconds_bucket{" + health + ",le=\"+Inf\"}")
                        && body.contains("butlersos_polls_total{" + health + "}");
            });
            Await.until("session polls per virtual proxy, the unknown one failing", () -> {
                String body = scrape(port);
                return body.contains("butlersos_polls_total{outcome=\"success\",poll=\"sessions\","
                        + "server_name=\"polled\",virtual_proxy=\"/\"}")
                        && body.contains("butlersos_poll_duration_seconds_count{outcome=\"failure\",poll=\"sessions\","
                        + "server_name=\"polled\",virtual_proxy=\"/nope\"}");
            });
            assertTrue(scrape(port).contains("butlersos_poll_last_success_timestamp_seconds{poll=\"health\","
                    + "server_name=\"polled\"}"));
        } finally {
            config.delete();
        }
    }

    private Bundle findBundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(bsn + " is not installed");
    }

    private static int freePort() throws IOException {
        return io.butlersos.itest.FreePorts.port();
    }
}
