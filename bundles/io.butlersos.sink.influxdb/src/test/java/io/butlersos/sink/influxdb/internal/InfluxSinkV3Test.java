package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.butlersos.api.Signal;
import io.butlersos.api.json.Json;
import io.butlersos.api.sink.SinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v3 writer against a stand-in that checks InfluxDB 3.x's documented {@code write_lp} API. */
class InfluxSinkV3Test {

    private FakeInfluxServer server;
    private InfluxSink sink;

    @BeforeEach
    void start() throws Exception {
        server = FakeInfluxServer.v3();
    }

    @AfterEach
    void stop() {
        if (sink != null) {
            sink.close();
        }
        server.close();
    }

    private InfluxSink sink(Object... overrides) {
        Object[] base = {"version", 3, "url", server.url() + "/", "database", "senseops",
            "_token", FakeInfluxServer.TOKEN};
        sink = new InfluxSink(Configs.influx(base, overrides), () -> null, "agent1");
        return sink;
    }

    @Test
    void writesV3NamesToWriteLpWithBearerTokenAndPrecision() throws Exception {
        sink("precision", "us", "gzip", true).write(AllSignals.batch());

        FakeInfluxServer.Request request = server.requests.get(0);
        assertThat(request.path()).isEqualTo("/api/v3/write_lp");
        assertThat(request.query()).containsEntry("db", "senseops").containsEntry("precision", "microsecond");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + FakeInfluxServer.TOKEN);
        assertThat(request.headers().getFirst("Content-Encoding")).isEqualTo("gzip");
        assertThat(server.stored).hasSize(13);

        assertThat(server.stored.get(1).fields()).containsEntry("comitted", 1234.0);
        LineProtocolParser.Line log = server.stored.get(8);
        assertThat(log.fields()).containsEntry("result_code_field", "403").doesNotContainKey("result_code");
        assertThat(log.tags()).containsEntry("result_code", "403");
        assertThat(server.stored.get(9).fields()).containsOnlyKeys("userFull_field", "userId_field");
        assertThat(server.stored.get(10).fields()).containsEntry("counter", 12L);
        assertThat(log.timestamp()).isEqualTo(AllSignals.T_NS / 1_000);
    }

    @Test
    void writesEverySignalRecordOnMainWithoutAFieldSharingATagsName() throws Exception {
        sink().write(MainSignals.batch(AllSignals.T));

        assertThat(server.stored).hasSizeGreaterThanOrEqualTo(20);
        for (LineProtocolParser.Line line : server.stored) {
            // InfluxDB 3 keeps tags and fields as columns of one table: one name cannot be both.
            assertThat(line.fields().keySet()).as(line.measurement()).doesNotContainAnyElementsOf(line.tags().keySet());
        }
        LineProtocolParser.Line qix = server.stored.stream()
                .filter(l -> "qseow-qix-perf".equals(l.tags().get("source"))).findFirst().orElseThrow();
        assertThat(qix.fields()).containsEntry("handle", 7L).containsEntry("net_ram", 1024L)
                .containsEntry("process_time", 12.5).containsKey("app_id_field").doesNotContainKey("lock_time");
        assertThat(qix.tags()).containsEntry("object_type", "Unknown");
        LineProtocolParser.Line queue = server.stored.stream().filter(l -> l.measurement().equals("log_events_queue"))
                .findFirst().orElseThrow();
        assertThat(queue.fields()).containsEntry("queue_size", 5L).containsEntry("messages_dropped_size", 1L)
                .containsEntry("queue_utilization_pct", 5.0);
        LineProtocolParser.Line scheduler = server.stored.stream()
                .filter(l -> "qseow-scheduler".equals(l.tags().get("source"))).findFirst().orElseThrow();
        assertThat(scheduler.fields()).containsKeys("app_name_field", "app_id_field", "execution_id")
                .containsEntry("message", "Reload failed\nline two");
    }

    @Test
    void keepsTheGoodLinesOfAPartialWriteByLineNumber() {
        server.responder = request -> {
            List<String> lines = LineProtocolParser.splitLines(request.body());
            int index = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("butlersos_sink")) {
                    index = i;
                }
            }
            return FakeInfluxServer.Reply.of(400, Json.write(Map.of("error", "partial write of line protocol occurred",
                    "data", List.of(Map.of("original_line", lines.get(index), "line_number", index + 1,
                            "error_message", "invalid column type for column 'delivered'")))));
        };
        List<Signal> batch = AllSignals.batch();
        assertThatThrownBy(() -> sink().write(batch)).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.rejectedIndices()).containsExactly(4);
            assertThat(e.getMessage()).contains("refused 1 of 13 points");
        });
    }

    @Test
    void aMissingTokenIsNamed() {
        InfluxSink s = sink("_token", "");
        assertThatThrownBy(() -> s.write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class,
                e -> assertThat(e.getMessage()).contains(".token (none set"));
    }

    @Test
    void aV1ServerAnsweringNotFoundSuggestsTheVersion() {
        server.responder = request -> FakeInfluxServer.Reply.of(404, "404 page not found");
        assertThatThrownBy(() -> sink().write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class,
                e -> assertThat(e.getMessage()).contains("version (3) matches"));
    }
}
