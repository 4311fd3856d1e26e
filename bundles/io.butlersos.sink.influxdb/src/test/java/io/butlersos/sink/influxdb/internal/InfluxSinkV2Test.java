package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sink.SinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v2 writer against a stand-in that checks InfluxDB 2.x's documented write API. */
class InfluxSinkV2Test {

    private FakeInfluxServer server;
    private final RecordingPublisher publisher = new RecordingPublisher();
    private InfluxSink sink;

    @BeforeEach
    void start() throws Exception {
        server = FakeInfluxServer.v2();
    }

    @AfterEach
    void stop() {
        if (sink != null) {
            sink.close();
        }
        server.close();
    }

    private InfluxSink sink(Object... overrides) {
        Object[] base = {"version", 2, "url", server.url(), "org", "myorg", "bucket", "mybucket",
            "_token", FakeInfluxServer.TOKEN, "write_timeout_ms", 2_000L};
        sink = new InfluxSink(Configs.influx(base, overrides), () -> publisher, "agent1");
        return sink;
    }

    @Test
    void aBatchOfSignalsWithoutPointsIsDeliveredWithoutARequest() throws Exception {
        // sense.poll results have no measurement in Butler SOS's schema; a sink taking * gets them anyway.
        Signal poll = new io.butlersos.api.sense.PollResult(AllSignals.T, "sense1", Map.of(),
                io.butlersos.api.sense.PollResult.Kind.HEALTH, "sense1:4747", "", null, 200, Duration.ofMillis(12));

        sink().write(List.of(poll, poll));

        assertThat(server.requests).isEmpty();
        assertThat(publisher.published).isEmpty();
    }

    @Test
    void writesEverySignalTypeToTheV2ApiWithTokenOrgBucketAndPrecision() throws Exception {
        sink().write(AllSignals.batch());

        assertThat(server.requests).hasSize(1);
        FakeInfluxServer.Request request = server.requests.get(0);
        assertThat(request.path()).isEqualTo("/api/v2/write");
        assertThat(request.query()).containsEntry("org", "myorg").containsEntry("bucket", "mybucket")
                .containsEntry("precision", "ns");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Token " + FakeInfluxServer.TOKEN);
        assertThat(request.headers().getFirst("Content-Encoding")).isNull();
        assertThat(server.stored).extracting(LineProtocolParser.Line::measurement).containsExactly(
                "sense_server", "mem", "apps", "cpu", "session", "users", "cache", "saturated",
                "log_event", "user_events", "event_count", "butlersos_sink", "butler_sos_errors");

        LineProtocolParser.Line mem = server.stored.get(1);
        assertThat(mem.tags()).containsEntry("server_description", "Central node").containsEntry("server_group", "PROD");
        assertThat(mem.fields()).containsEntry("comitted", 1234L);
        assertThat(mem.timestamp()).isEqualTo(AllSignals.T_NS);
        LineProtocolParser.Line log = server.stored.get(8);
        assertThat(log.tags()).containsEntry("user_full", "LAB\\joe").doesNotContainKey("log_row");
        assertThat(log.fields()).containsEntry("log_row", 17L).containsEntry("result_code", "403")
                .containsEntry("message", "Login \"failed\" for LAB\\joe\nretry");
        assertThat(server.stored.get(10).fields()).containsEntry("counter", 12.0);
        assertThat(server.stored.get(11).fields()).containsEntry("attached", true).containsEntry("delivered", 10L)
                .containsEntry("write_time_max_ms", 9.25);
        assertThat(server.stored.get(12).fields()).containsEntry("error_category", "timeout")
                .containsEntry("error_count", 1L);
    }

    @Test
    void compressesWithGzipWhenAskedTo() throws Exception {
        sink("gzip", true, "precision", "ms").write(AllSignals.batch());
        FakeInfluxServer.Request request = server.requests.get(0);
        assertThat(request.headers().getFirst("Content-Encoding")).isEqualTo("gzip");
        assertThat(request.query()).containsEntry("precision", "ms");
        assertThat(server.stored).hasSize(13);
        assertThat(server.stored.get(0).timestamp()).isEqualTo(AllSignals.T.toEpochMilli());
    }

    @Test
    void aWrongTokenIsRetriableAndNamesTheKey() {
        InfluxSink bad = sink("_token", "wrong");
        assertThatThrownBy(() -> bad.write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.getMessage()).contains("refused the credentials").contains(".token").doesNotContain("wrong");
        });
        assertThat(publisher.published).singleElement().isInstanceOfSatisfying(ErrorSignal.class, e -> {
            assertThat(e.errorType()).isEqualTo("INFLUXDB_V2_WRITE");
            assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_ERROR);
        });
    }

    @Test
    void anUnknownBucketNamesOrgAndBucket() {
        InfluxSink bad = sink("bucket", "nope");
        assertThatThrownBy(() -> bad.write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class,
                e -> assertThat(e.getMessage()).contains("bucket ('nope')").contains("org ('myorg')"));
    }

    @Test
    void keepsTheGoodPointsOfAPartialWriteAndNamesTheSignalsRefused() {
        // A 2.x server refuses the event_count lines (say, a field type conflict) and writes the rest.
        server.responder = request -> {
            String refused = request.body().lines().filter(l -> l.startsWith("event_count"))
                    .map(l -> "unable to parse '" + l + "': type conflict").reduce("", String::concat);
            return FakeInfluxServer.Reply.of(400, io.butlersos.api.json.Json.write(Map.of("code", "invalid",
                    "message", "partial write error (12 written): " + refused)));
        };
        InfluxSink s = sink();
        assertThatThrownBy(() -> s.write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.kind()).isEqualTo(SinkException.Kind.PERMANENT);
            assertThat(e.rejectedIndices()).containsExactly(3);
            assertThat(e.getMessage()).contains("refused 1 of 13 points").contains("type conflict");
        });
        assertThat(s.refusedPoints()).isEqualTo(1);
    }

    @Test
    void aRequestTooLargeAsksTheCoreToSplit() {
        server.responder = request -> FakeInfluxServer.Reply.of(413,
                "{\"code\":\"request too large\",\"message\":\"unable to read data: points batch is too large\"}");
        assertThatThrownBy(() -> sink().write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class,
                e -> assertThat(e.kind()).isEqualTo(SinkException.Kind.BATCH_TOO_LARGE));
    }

    @Test
    void serverErrorsAreRetriableAndRetryAfterIsHonoured() {
        server.responder = request -> FakeInfluxServer.Reply.of(500, "{\"code\":\"internal error\",\"message\":\"x\"}");
        assertThatThrownBy(() -> sink().write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.getMessage()).contains("HTTP 500");
        });
        server.responder = request -> new FakeInfluxServer.Reply(503, "", Map.of("Retry-After", "7"));
        assertThatThrownBy(() -> sink.write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        });
    }

    @Test
    void aRefusedConnectionIsRetriable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        InfluxSink s = sink("url", "http://127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> s.write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.getMessage()).contains("cannot be reached");
        });
        assertThat(publisher.published).singleElement().isInstanceOfSatisfying(ErrorSignal.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONNECTION_REFUSED));
    }

    @Test
    void aSlowServerTimesOutRetriably() {
        server.responder = request -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeInfluxServer.Reply.of(204, "");
        };
        InfluxSink s = sink("write_timeout_ms", 300L);
        assertThatThrownBy(() -> s.write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
        });
    }

    @Test
    void emitsOneErrorSignalPerFailureStateChangeNotPerRetry() throws Exception {
        server.responder = request -> FakeInfluxServer.Reply.of(500, "");
        InfluxSink s = sink();
        List<Signal> batch = AllSignals.batch();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> s.write(batch)).isInstanceOf(SinkException.class);
        }
        assertThat(publisher.published).hasSize(1);
        server.responder = null;
        s.write(batch);
        assertThat(publisher.published).hasSize(1);
        server.responder = request -> FakeInfluxServer.Reply.of(500, "");
        assertThatThrownBy(() -> s.write(batch)).isInstanceOf(SinkException.class);
        assertThat(publisher.published).hasSize(2);
    }

    @Test
    void aSignalNoLineCanCarryIsRefusedAndTheRestWritten() {
        InfluxSink s = sink();
        List<Signal> batch = List.of(new TestSignals.EventCount(AllSignals.T, "a", "x", 1),
                new TestSignals.Unwritable(AllSignals.T, "a"));
        assertThatThrownBy(() -> s.write(batch)).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.rejectedIndices()).containsExactly(1);
            assertThat(e.getMessage()).contains("no field InfluxDB can store");
        });
        assertThat(server.stored).hasSize(1);
    }

    @Test
    void refusesAConfigurationWithoutOrgBucketOrToken() {
        assertThatThrownBy(() -> sink("bucket", "")).hasMessageContaining("bucket must be set");
        assertThatThrownBy(() -> sink("_token", " ")).hasMessageContaining(".token must be set");
        assertThatThrownBy(() -> sink("url", "ftp://x")).hasMessageContaining("url must start with http");
        assertThatThrownBy(() -> sink("precision", "minutes")).hasMessageContaining("precision must be one of");
    }
}
