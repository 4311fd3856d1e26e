package io.butlersos.api.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.butlersos.api.Point;
import org.junit.jupiter.api.Test;

class AgentStatsTest {

    private static final Instant T = Instant.parse("2026-11-29T00:00:00Z");
    private static final long MB = 1024 * 1024;

    @Test
    void rendersButlerSosMemoryUsageWithExtraFields() {
        AgentStats stats = new AgentStats(T, "PROD", "0.1.0", Map.of(), Duration.ofMinutes(2),
                (long) (10.5 * MB), 20 * MB, 512 * MB, 33 * MB + MB / 3, 123 * MB, 42);

        Point point = stats.toPoints().get(0);

        assertThat(stats.type()).isEqualTo("agent.stats");
        assertThat(point.measurement()).isEqualTo("butlersos_memory_usage");
        assertThat(point.tags()).containsExactly(Map.entry("butler_sos_instance", "PROD"), Map.entry("version", "0.1.0"));
        assertThat(point.fields()).containsEntry("heap_used", 10.5).containsEntry("heap_total", 20.0)
                .containsEntry("external", 33.33).containsEntry("process_memory", 123.0)
                .containsEntry("heap_max", 512.0).containsEntry("uptime_ms", 120_000L)
                .containsEntry("thread_count", 42L);
        assertThat(point.time()).isEqualTo(T);
    }

    @Test
    void leavesOutAnUndefinedHeapLimit() {
        AgentStats stats = new AgentStats(T, "DEV", "1", Map.of(), Duration.ZERO, 1, 1, -1, 1, 1, 1);
        assertThat(stats.toPoints().get(0).fields()).doesNotContainKey("heap_max");
    }
}
