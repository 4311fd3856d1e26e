package io.butlersos.sink.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.fixtures.SampleSignals;
import io.butlersos.api.sense.PollResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus server (Debian package {@code prometheus}) scrapes the sink: the test starts it
 * on a free loopback port with a generated configuration and asks its query API for what it stored.
 */
class PrometheusServerScrapeTest {

    private static final String PACKAGE = "prometheus";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private PrometheusSink sink;
    private Process prometheus;
    private String api;

    @BeforeEach
    void startBoth() throws Exception {
        Path binary = findBinary().orElse(null);
        if (binary == null) {
            String message = "The Prometheus server is not installed: install the Debian package '" + PACKAGE
                    + "' (apt-get install " + PACKAGE + ") to run this test";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        sink = new PrometheusSink(Configs.prometheus(0, 300, 0), Clock.systemUTC());
        int sinkPort = sink.target().isEmpty() ? 0 : URI.create(sink.target()).getPort();
        int webPort = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  scrape_timeout: 1s",
                "scrape_configs:",
                "  - job_name: butlersos",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + sinkPort + "']",
                ""));
        File log = dir.resolve("prometheus.log").toFile();
        prometheus = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + webPort)
                .redirectErrorStream(true).redirectOutput(log).start();
        api = "http://127.0.0.1:" + webPort;
        awaitUntil(() -> "Prometheus to be ready (log: " + log + ")", () -> get("/-/ready").map(b -> true).orElse(false));
    }

    @AfterEach
    void stopBoth() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (sink != null) {
            sink.deactivate();
        }
    }

    @Test
    void prometheusScrapesTheSinkAndStoresButlerSosAndEventSeries() throws Exception {
        sink.write(List.of(SampleSignals.health("central", "14.5.4"), SampleSignals.sessions("central"),
                SampleSignals.log("WARN", LogSource.PROXY, "access-denied"),
                SampleSignals.log("WARN", LogSource.PROXY, "access-denied"),
                SampleSignals.user("Start session"), SampleSignals.sinkStatus(12)));

        awaitQuery("up{job=\"butlersos\"}", body -> body.contains("\"value\":[") && body.contains(",\"1\"]"));
        awaitQuery("butlersos_cpu_total{server_name=\"central\"}", body -> body.contains(",\"12.5\"]"));
        awaitQuery("butlersos_mem_committed{server_name=\"central\",qs_env=\"prod\"}",
                body -> body.contains(",\"1073741824\"]"));
        awaitQuery("butlersos_user_session_total{user_session_virtual_proxy=\"/\"}", body -> body.contains(",\"3\"]"));
        awaitQuery("butlersos_log_events_total{level=\"WARN\",qs_log_category=\"access-denied\"}",
                body -> body.contains(",\"2\"]"));
        awaitQuery("butlersos_user_events_total{command=\"Start session\"}", body -> body.contains(",\"1\"]"));
        awaitQuery("butlersos_sink_delivered_total{sink=\"file\"}", body -> body.contains(",\"12\"]"));
    }

    @Test
    void prometheusStoresPollCountsAndTheDurationHistogram() throws Exception {
        sink.write(List.of(
                SampleSignals.pollSucceeded("central", PollResult.Kind.HEALTH, "", 30),
                SampleSignals.pollSucceeded("central", PollResult.Kind.HEALTH, "", 40),
                SampleSignals.pollSucceeded("central", PollResult.Kind.HEALTH, "", 400),
                SampleSignals.pollSucceeded("central", PollResult.Kind.SESSIONS, "/hdr", 20),
                SampleSignals.pollFailed("central", PollResult.Kind.HEALTH, ErrorCategory.TIMEOUT, 5000L)));

        awaitQuery("butlersos_polls_total{server_name=\"central\",poll=\"health\",outcome=\"success\"}",
                body -> body.contains(",\"3\"]"));
        awaitQuery("butlersos_polls_total{poll=\"sessions\",virtual_proxy=\"/hdr\",outcome=\"success\"}",
                body -> body.contains(",\"1\"]"));
        awaitQuery("butlersos_poll_duration_seconds_count{poll=\"health\",outcome=\"failure\"}",
                body -> body.contains(",\"1\"]"));
        awaitQuery("butlersos_poll_duration_seconds_bucket{poll=\"health\",outcome=\"success\",le=\"0.05\"}",
                body -> body.contains(",\"2\"]"));
        // Prometheus reads the buckets as a histogram: the median of 30, 40 and 400 ms lies in (25 ms, 50 ms].
        awaitQuery("histogram_quantile(0.5, sum by (le) (butlersos_poll_duration_seconds_bucket{poll=\"health\","
                + "outcome=\"success\"}))", body -> {
                    double median = value(body);
                    return median > 0.025 && median <= 0.05;
                });
    }

    /** The value of the first sample in a query answer ({@code "value":[time,"0.0375"]}), or NaN. */
    private static double value(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"value\":\\[[^,]+,\"([^\"]+)\"\\]").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private void awaitQuery(String query, Predicate<String> expected) throws InterruptedException {
        String path = "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        String[] last = {""};
        awaitUntil(() -> "Prometheus to answer " + query + " as expected (last answer: " + last[0] + ")", () -> {
            last[0] = get(path).orElse("");
            return last[0].contains("\"status\":\"success\"") && expected.test(last[0]);
        });
        assertThat(last[0]).contains("\"result\":[{");
    }

    private Optional<String> get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void awaitUntil(java.util.function.Supplier<String> what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("Timed out after 30 s waiting for " + what.get());
            }
            Thread.sleep(100);
        }
    }

    private static Optional<Path> findBinary() {
        for (String folder : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin")
                .split(File.pathSeparator)) {
            Path candidate = Path.of(folder, PACKAGE);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
