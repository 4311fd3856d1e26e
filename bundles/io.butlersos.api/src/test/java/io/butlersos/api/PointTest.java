package io.butlersos.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PointTest {

    private static final Instant T = Instant.parse("2026-11-29T10:15:30.123456789Z");

    @Test
    void keepsFieldTypesAsGiven() {
        Point p = Point.measurement("mem").field("committed", 12.5).field("count", 3L)
                .field("ok", true).field("name", "x").time(T).build();
        assertThat(p.fields()).containsExactly(
                Map.entry("committed", 12.5), Map.entry("count", 3L),
                Map.entry("ok", true), Map.entry("name", "x"));
        assertThat(p.fields().get("count")).isInstanceOf(Long.class);
    }

    @Test
    void sortsTagsAndLeavesOutEmptyValues() {
        Point p = Point.measurement("m").tag("z", "1").tag("a", "2").tag("empty", "").tag("null", null)
                .field("f", 1L).time(T).build();
        assertThat(p.tags().keySet()).containsExactly("a", "z");
    }

    @Test
    void leavesOutNullStringFields() {
        Point p = Point.measurement("m").field("f", 1L).field("s", (String) null).time(T).build();
        assertThat(p.fields()).containsOnlyKeys("f");
    }

    @Test
    void refusesPointsWithoutFieldsOrTime() {
        assertThatThrownBy(() -> Point.measurement("m").time(T).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no fields");
        assertThatThrownBy(() -> Point.measurement("m").field("f", 1L).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no time");
        assertThatThrownBy(() -> Point.measurement(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isAValue() {
        Point a = Point.measurement("m").tag("t", "v").field("f", 1L).time(T).build();
        Point b = Point.measurement("m").tag("t", "v").field("f", 1L).time(T).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.time()).isEqualTo(T);
    }
}
