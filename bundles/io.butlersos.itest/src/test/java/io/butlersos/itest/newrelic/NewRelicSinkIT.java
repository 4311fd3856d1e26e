package io.butlersos.itest.newrelic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sink.DeliveryMonitor;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.OutputSignals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The New Relic output inside Felix: a factory configuration per account makes the sink post what the
 * core delivers to a local stand-in of the Metric and Event APIs, with the key in the Api-Key header
 * and nowhere in the service properties.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class NewRelicSinkIT {

    private static final String KEY = "NRII-itest-key";

    record Received(String path, String apiKey, String json) {
    }

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    DeliveryMonitor monitor;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                InputStream in = new ByteArrayInputStream(exchange.getRequestBody().readAllBytes());
                if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    in = new GZIPInputStream(in);
                }
                received.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Api-Key"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(202, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    @Test
    void aFactoryConfigurationPostsMetricsAndEventsForItsAccount() throws Exception {
        CoreSettings.fast(admin);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Configuration config = admin.getFactoryConfiguration("io.butlersos.sink.newrelic", "itest", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("account.name", "itest");
        props.put("account.id", "42");
        props.put(".insert.key", KEY);
        props.put(".scramble.key", "itest-scramble");
        props.put("metric.url", base + "/metric/v1");
        props.put("event.url", base + "/v1/accounts/{accountId}/events");
        props.put("butlersos.sink.name", "itest-newrelic");
        config.update(props);
        try {
            Await.until("the core to serve the New Relic output", () -> monitor.sinks().stream()
                    .anyMatch(s -> s.sinkName().equals("itest-newrelic") && s.attached()));
            ServiceReference<?> ref = context.getServiceReferences("io.butlersos.api.sink.Sink",
                    "(butlersos.sink.name=itest-newrelic)")[0];
            for (String key : ref.getPropertyKeys()) {
                assertFalse(String.valueOf(ref.getProperty(key)).contains(KEY), "the key is in property " + key);
            }

            publisher.publish(OutputSignals.health("itest-server", 12.0));
            publisher.publish(OutputSignals.userEvent("anna"));
            // The agent's own stats go to the Metric API too; wait for the request with the health sample.
            Await.until("the health sample at the Metric API", () -> received.stream()
                    .anyMatch(r -> r.path().equals("/metric/v1") && r.json().contains("qs_cpuTotal")));
            Await.until("an Event API request", () -> received.stream()
                    .anyMatch(r -> r.path().equals("/v1/accounts/42/events")));

            Received metric = received.stream()
                    .filter(r -> r.path().equals("/metric/v1") && r.json().contains("qs_cpuTotal")).findFirst().orElseThrow();
            assertEquals(KEY, metric.apiKey());
            assertTrue(metric.json().contains("\"name\":\"qs_cpuTotal\",\"type\":\"gauge\",\"value\":12.0"), metric.json());
            Received event = received.stream().filter(r -> r.path().endsWith("/events")).findFirst().orElseThrow();
            assertTrue(event.json().contains("\"eventType\":\"qs_userEvent\""), event.json());
            assertFalse(event.json().contains("anna"), "user ids are scrambled: " + event.json());
        } finally {
            config.delete();
        }
    }
}
