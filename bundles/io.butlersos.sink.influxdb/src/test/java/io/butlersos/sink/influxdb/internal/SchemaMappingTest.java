package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import org.junit.jupiter.api.Test;

class SchemaMappingTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

    private static MappedPoint only(SchemaMapping mapping, List<Point> points) {
        assertThat(points).hasSize(1);
        return mapping.map(points.get(0));
    }

    @Test
    void movesLogRowFromTagToIntegerField() {
        MappedPoint p = only(new SchemaMapping(1, false, Map.of()),
                new TestSignals.LogLine(T, "a", "sense1", "INFO", 4711, "hello", "200").toPoints());
        assertThat(p.tags()).doesNotContainKey("log_row").containsEntry("host", "sense1");
        assertThat(p.fields()).containsEntry("log_row", 4711L).containsEntry("result_code", "200");
    }

    @Test
    void keepsLogRowAsTagWhenAskedTo() {
        MappedPoint p = only(new SchemaMapping(1, true, Map.of()),
                new TestSignals.LogLine(T, "a", "sense1", "INFO", 4711, "hello", "200").toPoints());
        assertThat(p.tags()).containsEntry("log_row", "4711");
        assertThat(p.fields()).doesNotContainKey("log_row");
    }

    @Test
    void versionOneAndTwoKeepButlerSosV1NamesAndTypes() {
        for (int version : new int[] {1, 2}) {
            SchemaMapping mapping = new SchemaMapping(version, false, Map.of());
            MappedPoint user = only(mapping, new TestSignals.UserEvent(T, "a", "sense1", "joe").toPoints());
            assertThat(user.fields()).containsOnlyKeys("userFull", "userId");
            MappedPoint count = only(mapping, new TestSignals.EventCount(T, "a", "qseow-engine", 12).toPoints());
            assertThat(count.fields().get("counter")).isEqualTo(12.0);
        }
    }

    @Test
    void versionThreeRenamesFieldsThatShareATagsNameAndUsesItsTypes() {
        SchemaMapping v3 = new SchemaMapping(3, false, Map.of());
        MappedPoint user = only(v3, new TestSignals.UserEvent(T, "a", "sense1", "joe").toPoints());
        assertThat(user.fields()).containsOnlyKeys("userFull_field", "userId_field");
        assertThat(user.tags()).containsKeys("userFull", "userId");

        MappedPoint log = only(v3, new TestSignals.LogLine(T, "a", "sense1", "INFO", 1, "m", "403").toPoints());
        assertThat(log.fields()).containsEntry("result_code_field", "403").doesNotContainKey("result_code");

        MappedPoint count = only(v3, new TestSignals.EventCount(T, "a", "qseow-engine", 12).toPoints());
        assertThat(count.fields().get("counter")).isEqualTo(12L);

        List<Point> health = new TestSignals.Health(T, "a", Map.of("server_name", "s1"), 1234, 5, 7, false)
                .toPoints();
        MappedPoint mem = v3.map(health.get(1));
        assertThat(mem.fields().get("comitted")).isEqualTo(1234.0);
        MappedPoint cpu = v3.map(health.get(3));
        assertThat(cpu.fields().get("total")).isEqualTo(7L);
    }

    @Test
    void versionThreeWritesUnknownWithoutAngleBrackets() {
        Point qix = Point.measurement("log_event").tag("method", "<Unknown>").tag("host", "s")
                .field("process_time", 1.5).field("handle", 3.0).time(T).build();
        MappedPoint p = new SchemaMapping(3, false, Map.of()).map(qix);
        assertThat(p.tags()).containsEntry("method", "Unknown");
        assertThat(p.fields()).containsEntry("handle", 3L).containsEntry("process_time", 1.5);
    }

    @Test
    void addsGlobalTagsButThePointsOwnTagWins() {
        SchemaMapping mapping = new SchemaMapping(1, false, Map.of("env", "prod", "host", "global"));
        MappedPoint p = only(mapping, new TestSignals.EventCount(T, "a", "qseow-engine", 1).toPoints());
        assertThat(p.tags()).containsEntry("env", "prod").containsEntry("host", "sense1");
        assertThat(List.copyOf(p.tags().keySet())).isSorted();
    }
}
