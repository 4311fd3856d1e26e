package io.butlersos.sink.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.fixtures.MutableClock;
import io.butlersos.api.fixtures.SampleSignals;
import io.butlersos.api.sense.PollResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint seen as a scraper sees it: real HTTP on a loopback port, parsed text. */
class PrometheusSinkTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(SampleSignals.T);
    private PrometheusSink sink;

    @AfterEach
    void stop() {
        if (sink != null) {
            sink.deactivate();
        }
    }

    private PrometheusSink start(long gaugeExpiry, long counterExpiry) throws IOException {
        sink = new PrometheusSink(Configs.prometheus(0, gaugeExpiry, counterExpiry), clock);
        return sink;
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return sink.target().replace("/metrics", "");
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get("/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static final String SERVER_LABELS =
            "host=\"central.lab\",qs_env=\"prod\",server_description=\"Central node\",server_name=\"central\"";

    @Test
    void healthIsServedUnderButlerSosNamesAndLabelsInTheTextFormat() throws Exception {
        start(300, 0).write(List.of(SampleSignals.health("central", "14.5.4")));

        HttpResponse<String> response = get("/metrics", null);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String body = response.body();
        assertThat(body).contains("# TYPE butlersos_mem_committed gauge\n")
                .contains("butlersos_mem_committed{" + SERVER_LABELS + "} 1.073741824E9\n")
                .contains("butlersos_mem_allocated{" + SERVER_LABELS + "} 5.373952E8\n")
                .contains("butlersos_cpu_total{" + SERVER_LABELS + "} 12.5\n")
                .contains("butlersos_apps_calls{" + SERVER_LABELS + "} 1500.0\n")
                .contains("butlersos_apps_selections{" + SERVER_LABELS + "} 42.0\n")
                .contains("butlersos_apps_activedocs_total{" + SERVER_LABELS + "} 2.0\n")
                .contains("butlersos_apps_loadeddocs_total{" + SERVER_LABELS + "} 3.0\n")
                .contains("butlersos_apps_inmemorydocs_total{" + SERVER_LABELS + "} 4.0\n")
                .contains("butlersos_cache_hits{" + SERVER_LABELS + "} 100.0\n")
                .contains("butlersos_cache_lookups{" + SERVER_LABELS + "} 400.0\n")
                .contains("butlersos_cache_bytes_added{" + SERVER_LABELS + "} 2048.0\n")
                .contains("butlersos_cache_saturated{" + SERVER_LABELS + "} 0.0\n")
                .contains("butlersos_session_active{" + SERVER_LABELS + "} 3.0\n")
                .contains("butlersos_session_total{" + SERVER_LABELS + "} 7.0\n")
                .contains("butlersos_users_active{" + SERVER_LABELS + "} 2.0\n")
                .contains("butlersos_users_total{" + SERVER_LABELS + "} 5.0\n")
                .contains("butlersos_engine_metadata{engine_started=\"20261128T081530.000+0100\",engine_version=\"14.5.4\","
                        + SERVER_LABELS + "} 1.0\n")
                .contains("butlersos_engine_uptime_seconds{" + SERVER_LABELS + "} 63870.0\n")
                // Polls are counted from sense.poll results, not from the samples.
                .doesNotContain("butlersos_polls_total");
    }

    @Test
    void proxySessionsCarryTheVirtualProxyAndHostLabels() throws Exception {
        start(300, 0).write(List.of(SampleSignals.sessions("central")));

        assertThat(scrape()).contains("butlersos_user_session_total{" + SERVER_LABELS.replace(",server_name", ",server_name")
                .replace("server_name=\"central\"", "server_name=\"central\",user_session_host=\"central.lab:4243\","
                        + "user_session_virtual_proxy=\"/\"") + "} 3.0\n")
                .contains("butlersos_user_session_users{");
    }

    @Test
    void openMetricsIsServedWhenTheScraperAsksForIt() throws Exception {
        start(300, 0).write(List.of(SampleSignals.health("central", "14.5.4"), SampleSignals.log("ERROR", LogSource.PROXY, null)));

        HttpResponse<String> response = get("/metrics",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(response.body()).contains("# TYPE butlersos_log_events counter\n")
                .contains("butlersos_log_events_total{host=\"sense1.lab\",level=\"ERROR\",source=\"qseow-proxy\"} 1.0\n")
                .endsWith("# EOF\n");
    }

    @Test
    void logEventsAreCountedByHostSourceLevelAndCategory() throws Exception {
        start(300, 0).write(List.of(
                SampleSignals.log("WARN", LogSource.PROXY, "access-denied"),
                SampleSignals.log("WARN", LogSource.PROXY, "access-denied"),
                SampleSignals.log("ERROR", LogSource.PROXY, null),
                SampleSignals.user("Start session"),
                SampleSignals.user("Start session"),
                SampleSignals.user("Stop session")));

        assertThat(scrape())
                .contains("butlersos_log_events_total{host=\"sense1.lab\",level=\"WARN\",qs_log_category=\"access-denied\","
                        + "source=\"qseow-proxy\"} 2.0\n")
                .contains("butlersos_log_events_total{host=\"sense1.lab\",level=\"ERROR\",source=\"qseow-proxy\"} 1.0\n")
                .contains("butlersos_user_events_total{command=\"Start session\",host=\"sense1.lab\",origin=\"AppAccess\"} 2.0\n")
                .contains("butlersos_user_events_total{command=\"Stop session\",host=\"sense1.lab\",origin=\"AppAccess\"} 1.0\n");
    }

    @Test
    void intervalCountsAddUpAndDeliveryCountersAreTakenAsTheyAre() throws Exception {
        PrometheusSink s = start(300, 0);
        s.write(List.of(SampleSignals.rejected(5), SampleSignals.receiver(100, 7), SampleSignals.sinkStatus(10)));
        s.write(List.of(SampleSignals.rejected(2), SampleSignals.receiver(50, 1), SampleSignals.sinkStatus(25)));

        String body = scrape();
        assertThat(body)
                .contains("butlersos_qix_perf_rejected_events_total{app_id=\"app-1\",app_name=\"Sales\","
                        + "method=\"Doc::GetAppLayout\",object_type=\"<Unknown>\",source=\"qseow-qix-perf\"} 7.0\n")
                .contains("butlersos_udp_messages_received_total{queue_type=\"log_events\"} 150.0\n")
                .contains("butlersos_udp_messages_dropped_total{queue_type=\"log_events\",reason=\"rate_limit\"} 8.0\n")
                .contains("butlersos_sink_delivered_total{sink=\"file\",sink_id=\"io.butlersos.sink.file~default\"} 25.0\n")
                .contains("butlersos_sink_dropped_total{reason=\"queue_full\",sink=\"file\",sink_id=\"io.butlersos.sink.file~default\"} 4.0\n")
                .contains("butlersos_sink_attached{sink=\"file\",sink_id=\"io.butlersos.sink.file~default\"} 1.0\n");
    }

    @Test
    void pollFailuresAndErrorsAreCounted() throws Exception {
        start(300, 0).write(List.<Signal>of(SampleSignals.healthError("central"), SampleSignals.healthError("central"),
                SampleSignals.pollFailed("central", PollResult.Kind.HEALTH, ErrorCategory.TIMEOUT, 5000L),
                SampleSignals.pollFailed("central", PollResult.Kind.HEALTH, ErrorCategory.TIMEOUT, 5000L),
                SampleSignals.stats()));

        assertThat(scrape())
                .contains("butlersos_polls_total{outcome=\"failure\",poll=\"health\",server_name=\"central\"} 2.0\n")
                .contains("butlersos_errors_total{category=\"timeout\",error_type=\"HEALTH_API\",server_name=\"central\"} 2.0\n")
                .contains("butlersos_agent_heap_used_bytes{butler_sos_instance=\"agent-1\",version=\"0.1.0\"} 5.0E7\n");
    }

    @Test
    void pollOutcomesAndDurationsAreCountedPerServerKindAndVirtualProxy() throws Exception {
        PrometheusSink s = start(300, 0);
        s.write(List.<Signal>of(
                SampleSignals.pollSucceeded("central", PollResult.Kind.HEALTH, "", 3),      // le 0.005
                SampleSignals.pollSucceeded("central", PollResult.Kind.HEALTH, "", 10),     // on the 0.01 bound
                SampleSignals.pollSucceeded("central", PollResult.Kind.HEALTH, "", 700),    // le 1
                SampleSignals.pollSucceeded("central", PollResult.Kind.SESSIONS, "/hdr", 40),
                SampleSignals.pollSucceeded("central", PollResult.Kind.APPS, "", 120),
                SampleSignals.pollFailed("central", PollResult.Kind.HEALTH, ErrorCategory.TIMEOUT, 5000L),
                SampleSignals.pollFailed("central", PollResult.Kind.HEALTH, ErrorCategory.CERTIFICATE_ERROR, null)));

        String body = scrape();
        String health = "poll=\"health\",server_name=\"central\"";
        assertThat(body)
                .contains("# TYPE butlersos_poll_duration_seconds histogram\n")
                .contains("butlersos_poll_duration_seconds_bucket{outcome=\"success\"," + health + ",le=\"0.005\"} 1\n")
                .contains("butlersos_poll_duration_seconds_bucket{outcome=\"success\"," + health + ",le=\"0.01\"} 2\n")
                .contains("butlersos_poll_duration_seconds_bucket{outcome=\"success\"," + health + ",le=\"0.5\"} 2\n")
                .contains("butlersos_poll_duration_seconds_bucket{outcome=\"success\"," + health + ",le=\"1.0\"} 3\n")
                .contains("butlersos_poll_duration_seconds_bucket{outcome=\"success\"," + health + ",le=\"+Inf\"} 3\n")
                .contains("butlersos_poll_duration_seconds_count{outcome=\"success\"," + health + "} 3\n")
                .contains("butlersos_poll_duration_seconds_sum{outcome=\"success\"," + health + "} 0.713\n")
                // A timeout is timed at its deadline, apart from the successes.
                .contains("butlersos_poll_duration_seconds_bucket{outcome=\"failure\"," + health + ",le=\"2.5\"} 0\n")
                .contains("butlersos_poll_duration_seconds_bucket{outcome=\"failure\"," + health + ",le=\"5.0\"} 1\n")
                .contains("butlersos_poll_duration_seconds_count{outcome=\"failure\"," + health + "} 1\n")
                .contains("butlersos_poll_duration_seconds_count{outcome=\"success\",poll=\"sessions\","
                        + "server_name=\"central\",virtual_proxy=\"/hdr\"} 1\n")
                .contains("butlersos_poll_duration_seconds_count{outcome=\"success\",poll=\"apps\",server_name=\"central\"} 1\n")
                .contains("butlersos_polls_total{outcome=\"success\"," + health + "} 3.0\n")
                // The failure without a request (no certificate set) is counted, not timed.
                .contains("butlersos_polls_total{outcome=\"failure\"," + health + "} 2.0\n")
                .contains("butlersos_polls_total{outcome=\"success\",poll=\"sessions\",server_name=\"central\","
                        + "virtual_proxy=\"/hdr\"} 1.0\n")
                .contains("butlersos_poll_last_success_timestamp_seconds{poll=\"health\",server_name=\"central\"} "
                        + (double) SampleSignals.T.getEpochSecond() + "\n")
                .contains("butlersos_poll_last_success_timestamp_seconds{poll=\"sessions\",server_name=\"central\"}");
    }

    @Test
    void pollDurationsExpireLikeCounters() throws Exception {
        PrometheusSink s = start(300, 600);
        s.write(List.of(SampleSignals.pollSucceeded("central", PollResult.Kind.HEALTH, "", 3)));

        clock.advance(Duration.ofSeconds(400)); // beyond the gauge expiry, within the counter expiry
        assertThat(scrape()).contains("butlersos_poll_duration_seconds_count{").contains("butlersos_polls_total{")
                .doesNotContain("butlersos_poll_last_success_timestamp_seconds{");
        clock.advance(Duration.ofSeconds(300));
        assertThat(scrape()).doesNotContain("butlersos_poll_duration_seconds").doesNotContain("butlersos_polls_total");
    }

    @Test
    void seriesOfAServerThatStopsReportingExpire() throws Exception {
        PrometheusSink s = start(300, 0);
        s.write(List.of(SampleSignals.health("central", "14.5.4"), SampleSignals.health("rim", "14.5.4"),
                SampleSignals.pollSucceeded("rim", PollResult.Kind.HEALTH, "", 20),
                SampleSignals.log("WARN", LogSource.ENGINE, null)));

        clock.advance(Duration.ofSeconds(200));
        s.write(List.of(SampleSignals.health("central", "14.5.4")));
        assertThat(scrape()).contains("butlersos_mem_free{host=\"rim.lab\"");

        clock.advance(Duration.ofSeconds(150)); // rim: 350 s without a sample; central: 150 s
        String body = scrape();
        assertThat(body).doesNotContain("butlersos_mem_free{host=\"rim.lab\"")
                .doesNotContain("butlersos_cpu_total{host=\"rim.lab\"") // typed counter, expires as a gauge
                .doesNotContain("engine_version=\"14.5.4\",host=\"rim.lab\"")
                .contains("butlersos_mem_free{host=\"central.lab\"")
                .contains("butlersos_log_events_total{") // running counts have expiry 0 here: kept
                .contains("butlersos_polls_total{outcome=\"success\",poll=\"health\",server_name=\"rim\"}");
    }

    @Test
    void aNewEngineVersionReplacesTheMetadataSeries() throws Exception {
        PrometheusSink s = start(300, 0);
        s.write(List.of(SampleSignals.health("central", "14.5.4")));
        s.write(List.of(SampleSignals.health("central", "14.20.1")));

        String body = scrape();
        assertThat(body).contains("engine_version=\"14.20.1\"").doesNotContain("engine_version=\"14.5.4\"");
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        start(300, 0);
        assertThat(get("/other", null).statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(sink.target()))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void theBodyIsGzippedWhenTheScraperAcceptsIt() throws Exception {
        start(300, 0).write(List.of(SampleSignals.health("central", "14.5.4")));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(sink.target()))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("butlersos_cpu_total{");
        }
    }

    @Test
    void aPortInUseIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> new PrometheusSink(Configs.prometheus(port, 300, 0), clock))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + ": ");
        }
    }
}
