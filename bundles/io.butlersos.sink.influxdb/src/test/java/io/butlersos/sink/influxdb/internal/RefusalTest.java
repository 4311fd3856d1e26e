package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Signal;
import io.butlersos.api.json.Json;
import org.junit.jupiter.api.Test;

class RefusalTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    private final BatchEncoder encoder = new BatchEncoder(new SchemaMapping(1, false, Map.of()), Precision.NANOSECONDS,
            LineProtocol.Dialect.GO);

    private EncodedBatch batch() {
        List<Signal> signals = List.of(new TestSignals.EventCount(T, "a", "qseow-engine", 1),
                new TestSignals.LogLine(T, "a", "sense1", "INFO", 1, "hello", "200"),
                new TestSignals.EventCount(T, "a", "qseow-proxy", 2));
        return encoder.encode(signals);
    }

    @Test
    void findsTheLinesA1xServerCouldNotParse() {
        EncodedBatch batch = batch();
        String body = Json.write(Map.of("error", "partial write: unable to parse '" + batch.line(1)
                + "': invalid boolean dropped=0"));
        Refusal refusal = Refusal.read(1, body, batch);
        assertThat(refusal.lines()).containsExactly(1);
        assertThat(refusal.reason()).startsWith("partial write: unable to parse");
    }

    @Test
    void findsEveryLineOfAFieldTypeConflict() {
        String body = "{\"error\":\"partial write: field type conflict: input field \\\"counter\\\" on measurement "
                + "\\\"event_count\\\" is type float, already exists as type integer dropped=2\"}";
        Refusal refusal = Refusal.read(1, body, batch());
        assertThat(refusal.lines()).containsExactly(0, 2);
        assertThat(refusal.dropped()).isEqualTo(2);
    }

    @Test
    void readsA2xMessage() {
        EncodedBatch batch = batch();
        String body = "{\"code\":\"invalid\",\"message\":\"partial write error (2 written): unable to parse '"
                + batch.line(0) + "': bad timestamp\"}";
        assertThat(Refusal.read(2, body, batch).lines()).containsExactly(0);
    }

    @Test
    void readsThe3xLineNumbers() {
        EncodedBatch batch = batch();
        String body = "{\"error\":\"partial write of line protocol occurred\",\"data\":[{\"original_line\":\""
                + batch.line(2).substring(0, 20) + "\",\"line_number\":3,\"error_message\":\"invalid column type\"}]}";
        Refusal refusal = Refusal.read(3, body, batch);
        assertThat(refusal.lines()).containsExactly(2);
        assertThat(refusal.reason()).isEqualTo("partial write of line protocol occurred");
    }

    @Test
    void namesNoLineWhenTheServerNamesNone() {
        Refusal refusal = Refusal.read(1, "{\"error\":\"partial write: points beyond retention policy dropped=1\"}",
                batch());
        assertThat(refusal.lines()).isEmpty();
        assertThat(refusal.dropped()).isEqualTo(1);
    }
}
