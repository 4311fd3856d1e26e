package io.butlersos.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.butlersos.api.agent.health.ErrorSummary;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.EngineMemory;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sink.SinkStatus;
import org.junit.jupiter.api.Test;

class StatusTextTest {

    static final Instant NOW = Instant.parse("2026-11-29T01:00:00Z");

    static HealthSample health(String server, Instant time) {
        return new HealthSample(time, server, Map.of("server_name", server), "https://" + server + ":4747/engine/healthcheck",
                "12.1306.3", null, null, new EngineMemory(1000.0, 800.0, 2048.5), 37.4, new ActiveTotal(3L, 5L),
                new ActiveTotal(2L, 4L), null, null, Boolean.FALSE);
    }

    static SinkStatus sink(String name, boolean attached, long dropped, String error) {
        return new SinkStatus(NOW, "agent1", name + "-default", name, "/var/out", attached, 120, 12, 3, 1,
                Map.of(SinkStatus.DROP_QUEUE_FULL, dropped), 4, 10_000, 1.25, 9.5, NOW.minusSeconds(30), error,
                error == null ? null : NOW.minusSeconds(5));
    }

    @Test
    void sinksShowsCountersQueueAndTheLastErrorPerSink() {
        String text = StatusText.sinks(List.of(sink("file", true, 0, null), sink("influxdb", false, 7, "connection refused")));
        assertThat(text.lines().toList()).hasSize(3);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("SINK").contains("DELIVERED", "DROPPED", "QUEUE", "LAST ERROR");
        assertThat(text).containsPattern("file\\s+file-default\\s+yes\\s+120\\s+12\\s+3\\s+0\\s+4/10000\\s+1\\.3/9\\.5")
                .containsPattern("influxdb\\s+influxdb-default\\s+NO\\s+120\\s+12\\s+3\\s+7 \\(queue_full 7\\)")
                .contains("2026-11-29T00:59:55Z connection refused");
    }

    @Test
    void serversShowsTheNewestHealthWithItsAgeAndTheServersErrorsToday() {
        ErrorSummary today = new ErrorSummary(LocalDate.of(2026, 11, 29), 3, List.of(
                new ErrorSummary.ErrorCount("HEALTH_API", "sense2", "timeout", 2),
                new ErrorSummary.ErrorCount("HEALTH_API", "sense1", "connection_refused", 1)));
        String text = StatusText.servers(List.of(
                new SenseState.Server("sense1", health("sense1", NOW.minusSeconds(42)), List.of()),
                new SenseState.Server("sense2", null, List.of())), Optional.of(today), NOW);
        assertThat(text).containsPattern("sense1\\s+2026-11-29T00:59:18Z \\(00:00:42 ago\\)\\s+12\\.1306\\.3\\s+-\\s+37\\s+2048\\.5\\s+-\\s+3/5\\s+2/4\\s+no\\s+-\\s+1")
                .containsPattern("sense2\\s+-\\s+-\\s+-\\s+-\\s+-\\s+-\\s+-\\s+-\\s+-\\s+-\\s+2");
    }

    @Test
    void statusSumsUpSinksFailingSinksAndTheErrorsOfTheDay() {
        ErrorSummary today = new ErrorSummary(LocalDate.of(2026, 11, 29), 2,
                List.of(new ErrorSummary.ErrorCount("HEALTH_API", "sense2", "timeout", 2)));
        String text = StatusText.status(Duration.ofSeconds(90_061), List.of(
                        new SenseState.Server("sense1", health("sense1", NOW.minusSeconds(10)), List.of()),
                        new SenseState.Server("sense2", health("sense2", NOW.minus(Duration.ofMinutes(20))), List.of())),
                Optional.of(List.of(sink("file", true, 0, null), sink("influxdb", false, 7, "connection refused"))),
                Optional.of(today), NOW);
        assertThat(text).contains("Butler SOS for Java, up 1d 01:01:01")
                .contains("Sense servers: 2 seen, 2 with health data, 1 silent for more than 5 min")
                .contains("Sinks: 2 (1 detached), delivered 240, dropped 7, waiting 8")
                .contains("  failing: influxdb (influxdb-default): connection refused")
                .contains("Errors today (UTC 2026-11-29): 2")
                .contains("  HEALTH_API sense2 timeout: 2");
    }

    @Test
    void statusSaysWhichServiceIsMissingInsteadOfFailing() {
        String text = StatusText.status(Duration.ZERO, List.of(), Optional.empty(), Optional.empty(), NOW);
        assertThat(text).contains("Sense servers: 0 seen").contains("Sinks: delivery core not running")
                .contains("Errors today: error tracking not running");
    }
}
