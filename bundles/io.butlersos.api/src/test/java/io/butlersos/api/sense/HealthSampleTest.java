package io.butlersos.api.sense;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.butlersos.api.Point;
import org.junit.jupiter.api.Test;

class HealthSampleTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final Map<String, String> TAGS =
            Map.of("host", "sense1", "server_name", "central", "server_description", "Central node", "env", "PROD");

    private static HealthSample full() {
        DocList active = new DocList(List.of("a1", "SessionApp_x"), List.of("HR"), List.of("SessionApp_x"), true, true);
        DocList loaded = new DocList(List.of("a1"), List.of("HR"), List.of(), false, false);
        return new HealthSample(NOW, "central", TAGS, "https://sense1:4747/engine/healthcheck",
                "12.1234.5", "20260301T081530.000+0100", Instant.parse("2026-03-01T07:15:30Z"),
                new EngineMemory(1234.9, 2345.6, 12345.1), 3.7,
                new ActiveTotal(4L, 10L), new ActiveTotal(2L, 7L),
                new EngineApps(active, loaded, DocList.EMPTY, 123456L, 789L),
                new EngineCache(10L, 20L, 5L, 1L, -40960L), false);
    }

    private static Map<String, Point> byMeasurement(List<Point> points) {
        return points.stream().collect(Collectors.toMap(Point::measurement, Function.identity()));
    }

    @Test
    void rendersTheEightV1MeasurementsWithServerTagsAndV1Types() {
        Map<String, Point> points = byMeasurement(full().toPoints());

        assertThat(points).containsOnlyKeys("sense_server", "mem", "apps", "cpu", "session", "users", "cache", "saturated");
        points.values().forEach(p -> {
            assertThat(p.tags()).containsAllEntriesOf(TAGS);
            assertThat(p.time()).isEqualTo(NOW);
        });
        assertThat(points.get("sense_server").fields())
                .containsEntry("version", "12.1234.5")
                .containsEntry("started", "20260301T081530.000+0100")
                .containsEntry("uptime", "3 days, 2h 44m 30s");
        assertThat(points.get("mem").fields()).containsExactly(
                Map.entry("comitted", 1234L), Map.entry("allocated", 2345L), Map.entry("free", 12345L));
        assertThat(points.get("cpu").fields()).containsExactly(Map.entry("total", 3L));
        assertThat(points.get("session").fields()).containsExactly(Map.entry("active", 4L), Map.entry("total", 10L));
        assertThat(points.get("users").fields()).containsExactly(Map.entry("active", 2L), Map.entry("total", 7L));
        assertThat(points.get("saturated").fields()).containsExactly(Map.entry("saturated", false));
        assertThat(points.get("apps").fields())
                .containsEntry("active_docs_count", 2L)
                .containsEntry("loaded_docs_count", 1L)
                .containsEntry("in_memory_docs_count", 0L)
                .containsEntry("active_docs", "a1,SessionApp_x")
                .containsEntry("active_docs_names", "\"HR\"")
                .containsEntry("active_session_docs_names", "\"SessionApp_x\"")
                .containsEntry("loaded_docs", "")
                .containsEntry("loaded_docs_names", "")
                .containsEntry("calls", 123456L)
                .containsEntry("selections", 789L);
    }

    @Test
    void keepsSignedCacheCountersButClampsUnsignedOnesAtZero() {
        HealthSample s = full();
        HealthSample negative = new HealthSample(NOW, "c", TAGS, "", null, null, null, null, null, null, null, null,
                new EngineCache(-3L, 20L, -5L, 1L, -40960L), null);

        assertThat(byMeasurement(negative.toPoints()).get("cache").fields())
                .containsEntry("hits", 0L).containsEntry("added", -5L).containsEntry("bytes_added", -40960L);
        assertThat(s.cache().hitRatioPercent()).isEqualTo(50L);
    }

    @Test
    void leavesOutMeasurementsSenseDidNotSend() {
        HealthSample sparse = new HealthSample(NOW, "c", TAGS, "", "14.0", null, null,
                new EngineMemory(null, 10.0, null), null, null, null, null, null, null);

        Map<String, Point> points = byMeasurement(sparse.toPoints());

        assertThat(points).containsOnlyKeys("sense_server", "mem");
        assertThat(points.get("mem").fields()).containsExactly(Map.entry("allocated", 10L));
        assertThat(points.get("sense_server").fields()).containsEntry("version", "14.0").containsEntry("uptime", "")
                .doesNotContainKey("started");
    }

    @Test
    void formatsUptimeWithUnpaddedHoursAndPaddedMinutes() {
        assertThat(HealthSample.formatUptime(java.time.Duration.ofSeconds(86_400 * 12 + 3_600 * 9 + 65)))
                .isEqualTo("12 days, 9h 01m 05s");
    }
}
