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
        Object[] all = new Object[base.length + overrides.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(overrides, 0, all, base.length, overrides.length);
        sink = new InfluxSink(Configs.influx(all), () -> null, "agent1");
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
