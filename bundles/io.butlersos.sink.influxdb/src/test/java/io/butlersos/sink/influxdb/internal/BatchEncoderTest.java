package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import org.junit.jupiter.api.Test;

class BatchEncoderTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final long T_NS = 1_767_323_045_678_000_000L;

    private final BatchEncoder encoder = new BatchEncoder(new SchemaMapping(1, false, Map.of()), Precision.NANOSECONDS,
            LineProtocol.Dialect.GO);

    @Test
    void tracesEveryLineBackToItsSignal() {
        List<Signal> batch = List.of(
                new TestSignals.Health(T, "a", Map.of("server_name", "s1"), 100, 1, 2, false),
                new ErrorSignal(T, "a", "HEALTH_API", "s1", "HEALTH_METRICS", ErrorCategory.TIMEOUT, "slow", "", 0,
                        Map.of()));
        EncodedBatch encoded = encoder.encode(batch);
        assertThat(encoded.lineCount()).isEqualTo(9);
        assertThat(encoded.lineSignals()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(encoded.line(8)).startsWith("butler_sos_errors,");
        assertThat(LineProtocolParser.parse(encoded.body())).hasSize(9);
        assertThat(encoded.unencodable()).isEmpty();
    }

    @Test
    void setsUnwritableSignalsAsideWithTheirReason() {
        EncodedBatch encoded = encoder.encode(List.of(new TestSignals.Unwritable(T, "a"),
                new TestSignals.EventCount(T, "a", "qseow-engine", 1)));
        assertThat(encoded.lineCount()).isEqualTo(1);
        assertThat(encoded.lineSignals()).containsExactly(1);
        assertThat(encoded.unencodable()).containsOnlyKeys(0);
        assertThat(encoded.unencodable().get(0)).contains("no field");
    }

    @Test
    void movesTheSecondPointOfASeriesAndMillisecondOnByOneNanosecond() {
        Signal first = new TestSignals.LogLine(T, "a", "sense1", "INFO", 1, "first", "200");
        Signal second = new TestSignals.LogLine(T, "a", "sense1", "INFO", 2, "second", "200");
        EncodedBatch encoded = encoder.encode(List.of(first, second));
        assertThat(timestamps(encoded)).containsExactly(T_NS, T_NS + 1);
    }

    @Test
    void retriesGetTheSameTimestampsAndLaterBatchesMoveOn() {
        Signal event = new TestSignals.LogLine(T, "a", "sense1", "INFO", 1, "first", "200");
        EncodedBatch attempt = encoder.encode(List.of(event));
        EncodedBatch retry = encoder.encode(List.of(event));
        assertThat(timestamps(retry)).isEqualTo(timestamps(attempt)).containsExactly(T_NS);
        encoder.written(retry);
        Signal next = new TestSignals.LogLine(T, "a", "sense1", "INFO", 2, "next", "200");
        assertThat(timestamps(encoder.encode(List.of(next)))).containsExactly(T_NS + 1);
    }

    @Test
    void usesTheConfiguredPrecision() {
        BatchEncoder seconds = new BatchEncoder(new SchemaMapping(1, false, Map.of()), Precision.SECONDS,
                LineProtocol.Dialect.GO);
        EncodedBatch encoded = seconds.encode(List.of(new TestSignals.EventCount(T, "a", "x", 1)));
        assertThat(timestamps(encoded)).containsExactly(1_767_323_045L);
    }

    private static List<Long> timestamps(EncodedBatch encoded) {
        return LineProtocolParser.parse(encoded.body()).stream().map(LineProtocolParser.Line::timestamp).toList();
    }
}
