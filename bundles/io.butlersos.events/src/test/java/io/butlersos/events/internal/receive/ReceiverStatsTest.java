package io.butlersos.events.internal.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import io.butlersos.api.events.ReceiverMetrics;
import org.junit.jupiter.api.Test;

class ReceiverStatsTest {

    private static final Instant T = Instant.parse("2026-11-29T01:00:00Z");
    private static final ReceiverStats.Gauges GAUGES = new ReceiverStats.Gauges(5, 100, 1, false, true);

    @Test
    void intervalsAreDeltasAndLatencyIsSummarised() {
        ReceiverStats stats = new ReceiverStats();
        for (int i = 1; i <= 100; i++) {
            stats.received.increment();
            stats.processed.increment();
            stats.latency.record(i * 1_000_000L);
        }
        stats.drop(DropReasons.SIZE);
        stats.received.increment();

        ReceiverMetrics first = stats.interval(T, "agent", Map.of(), "log_events_queue", "log_events", GAUGES);

        assertThat(first.received()).isEqualTo(101);
        assertThat(first.processed()).isEqualTo(100);
        assertThat(first.dropped()).containsExactly(Map.entry(DropReasons.SIZE, 1L));
        assertThat(first.processingTimeAvgMs()).isEqualTo(50.5);
        assertThat(first.processingTimeP95Ms()).isEqualTo(95.0);
        assertThat(first.processingTimeMaxMs()).isEqualTo(100.0);
        assertThat(first.queueSize()).isEqualTo(5);

        stats.received.increment();
        stats.processed.increment();
        stats.latency.record(2_000_000L);
        ReceiverMetrics second = stats.interval(T.plusSeconds(20), "agent", Map.of(), "log_events_queue", "log_events",
                GAUGES);

        assertThat(second.received()).isEqualTo(1);
        assertThat(second.dropped()).isEmpty();
        assertThat(second.processingTimeMaxMs()).isEqualTo(2.0);
        assertThat(second.processingTimeP95Ms()).isEqualTo(2.0);
        assertThat(second.intervalStart()).isEqualTo(T);
        assertThat(second.rateLimitCurrent()).isEqualTo(3);

        ReceiverMetrics empty = stats.interval(T.plusSeconds(40), "agent", Map.of(), "m", "log_events", GAUGES);
        assertThat(empty.processingTimeP95Ms()).isZero();
        assertThat(empty.processingTimeMaxMs()).isZero();
    }
}
