package io.butlersos.itest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.butlersos.api.SignalPublisher;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The web bundle inside Felix on its own Jetty: signals published through the core reach the
 * readiness endpoint and the live status page, which headless Chromium loads, runs and draws.
 */
@ExtendWith(ServiceExtension.class)
class StatusPageIT {

    /** Jetty restarts on every change of address; on a busy machine that takes several seconds. */
    static final java.time.Duration JETTY = java.time.Duration.ofSeconds(60);

    /** Where the screenshots go, to be looked at after a run (itest.bndrun names the module's target/). */
    static final Path SCREENSHOTS = Path.of(System.getProperty("butlersos.itest.screenshots", "target/screenshots"));

    private static final java.util.concurrent.atomic.AtomicInteger SERVERS = new java.util.concurrent.atomic.AtomicInteger();

    @InjectService
    SignalPublisher publisher;

    @InjectService
    ConfigurationAdmin admin;

    private Configuration web;
    private Configuration sense;
    /** A server name of this test alone: readiness remembers the samples of earlier tests' servers. */
    private String server;
    private int port;
    private WebClient client;

    @BeforeEach
    void setUp() throws Exception {
        CoreSettings.fast(admin);
        // Sinks other tests left behind would keep readiness at 503 for the default 15 minutes.
        Configuration core = admin.getConfiguration("io.butlersos.core", "?");
        Hashtable<String, Object> coreProps = new Hashtable<>();
        java.util.Collections.list(core.getProperties().keys()).forEach(k -> coreProps.put(k, core.getProperties().get(k)));
        coreProps.put("orphan.retention.s", 0L);
        core.updateIfDifferent(coreProps);
        WebJetty.awaitGone(admin);
        port = WebClient.freePort();
        client = WebClient.plain(port);
        web = admin.getConfiguration("io.butlersos.web", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("refresh.ms", 500L);
        web.update(props);
        server = "central" + SERVERS.incrementAndGet();
        // A configured Sense server that nothing polls here: readiness waits for its health samples.
        sense = admin.getFactoryConfiguration("io.butlersos.sense.server", "itest-central", "?");
        Hashtable<String, Object> serverProps = new Hashtable<>();
        serverProps.put("server.name", server);
        serverProps.put("host", "central.corp.example");
        serverProps.put("health.interval.ms", 2_000L);
        sense.update(serverProps);
        Await.until("the web endpoints to answer on port " + port, JETTY, () -> {
            WebClient.Answer a = client.get("/health");
            return a != null && a.status() == 200;
        });
    }

    @AfterEach
    void tearDown() throws IOException {
        web.delete();
        sense.delete();
    }

    private WebClient.Answer await(String path, int status) throws InterruptedException {
        WebClient.Answer[] last = new WebClient.Answer[1];
        Await.until(path + " to answer " + status, JETTY, () -> {
            last[0] = client.get(path);
            return last[0] != null && last[0].status() == status;
        });
        return last[0];
    }

    @Test
    void healthIsUpAndReadinessWaitsForEveryConfiguredServer() throws Exception {
        WebClient.Answer health = client.get("/health");
        assertTrue(health.body().startsWith("{\"status\":\"UP\""), health.body());

        WebClient.Answer notReady = await("/ready", 503);
        assertTrue(notReady.body().contains("\"status\":\"NOT_READY\""), notReady.body());
        assertTrue(notReady.body().contains("sense.server '" + server + "': no success yet"), notReady.body());

        // The server keeps reporting, as a polled server does, so readiness is judged on fresh samples
        // however long the rest of the runtime takes to settle.
        WebClient.Answer[] last = new WebClient.Answer[1];
        Await.until("/ready to answer 200 while '" + server + "' reports", JETTY, () -> {
            publisher.publish(StatusSignals.health(server, Instant.now(), 10, 2048, 1, 1, 1));
            last[0] = client.get("/ready");
            return last[0] != null && last[0].status() == 200;
        });
        WebClient.Answer ready = last[0];
        assertTrue(ready.body().contains("\"status\":\"READY\""), ready.body());
        assertTrue(ready.body().contains("\"name\":\"status-page\",\"ready\":true"), ready.body());
    }

    @Test
    void theStatusPageLoadsDrawsItsChartsAndFollowsNewSignals() throws Exception {
        Chromium chromium = Chromium.require();
        Instant now = Instant.now();
        for (int i = 10; i >= 1; i--) {
            publisher.publish(StatusSignals.health(server, now.minusSeconds(i * 60L), 10 + i, 2000 + 10 * i, i, i, 2));
        }
        publisher.publish(StatusSignals.health(server, now, 12, 2048, 5, 4, 3));
        publisher.publish(StatusSignals.receiver(now.minusSeconds(10), 500, 0));
        publisher.publish(StatusSignals.receiver(now, 800, 30));
        publisher.publish(StatusSignals.error(server, now, "health check of central timed out after 5000 ms"));
        Await.until("the status JSON to show the first sample", JETTY, () -> {
            WebClient.Answer a = client.get("/api/status");
            return a != null && a.body().contains("\"cpu\":12.0") && a.body().contains("timed out after 5000 ms")
                    && a.body().contains("\"receivedPerS\":80.0");
        });

        String page = client.base() + "/";
        String first = chromium.dumpDom(page, 4_000);
        assertTrue(first.contains("data-rendered="), "the page's script rendered data: " + excerpt(first));
        assertEquals("12 %", metric(first, server, "cpu"), excerpt(first));
        assertEquals("2,048 MB", metric(first, server, "memory"));
        assertEquals("5", metric(first, server, "sessions"));
        assertEquals("80", metric(first, "log_events", "received"));
        assertTrue(first.contains("health check of central timed out after 5000 ms"), "the error is listed");
        assertTrue(first.contains("data-sink=\"status-page\""), "the sink table lists the status page's own sink");
        assertTrue(polylinePoints(first, "cpu") >= 11, "the CPU chart draws the last hour: " + polylinePoints(first, "cpu"));
        assertTrue(polylinePoints(first, "received") >= 2, "the receiver chart draws its rates");
        byte[] shot1 = chromium.screenshot(page, 4_000, SCREENSHOTS.resolve("status-1.png"));

        Instant later = Instant.now();
        publisher.publish(StatusSignals.health(server, later, 87, 6144, 42, 17, 9));
        publisher.publish(StatusSignals.receiver(later, 2000, 500));
        Await.until("the status JSON to show the second sample", JETTY, () -> {
            WebClient.Answer a = client.get("/api/status");
            return a != null && a.body().contains("\"cpu\":87.0") && a.body().contains("\"receivedPerS\":200.0");
        });
        String second = chromium.dumpDom(page, 4_000);
        assertEquals("87 %", metric(second, server, "cpu"));
        assertEquals("6,144 MB", metric(second, server, "memory"));
        assertEquals("42", metric(second, server, "sessions"));
        assertEquals("17", metric(second, server, "users"));
        assertEquals("200", metric(second, "log_events", "received"));
        assertTrue(polylinePoints(second, "cpu") > polylinePoints(first, "cpu") - 1, "the chart keeps its history");
        byte[] shot2 = chromium.screenshot(page, 4_000, SCREENSHOTS.resolve("status-2.png"));
        assertFalse(Arrays.equals(shot1, shot2), "the two screenshots differ");
        System.out.println("Status page screenshots: " + SCREENSHOTS.toAbsolutePath());
    }

    /** The text of the tile showing one metric of one server or receiver. */
    private static String metric(String dom, String owner, String name) {
        Matcher m = Pattern.compile("data-server=\"" + Pattern.quote(owner) + "\" data-metric=\"" + name + "\">([^<]*)<")
                .matcher(dom);
        assertTrue(m.find(), "no tile " + owner + "/" + name + " in " + excerpt(dom));
        return m.group(1);
    }

    /** The number of points the first chart line with that name draws. */
    private static int polylinePoints(String dom, String line) {
        Matcher m = Pattern.compile("<polyline[^>]*data-line=\"" + line + "\" data-points=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "no chart line '" + line + "' drawn");
        return Integer.parseInt(m.group(1));
    }

    private static String excerpt(String dom) {
        assertNotNull(dom);
        return dom.length() > 3000 ? dom.substring(0, 3000) + "…" : dom;
    }
}
