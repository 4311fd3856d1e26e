package io.butlersos.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.fixtures.MutableClock;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class AgentStatsTest {

    @Test
    void readsThisJvm() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T00:00:00Z"));
        AgentStats stats = new AgentStatsReader(clock).read("PROD", "1.2.3");

        assertThat(stats.origin()).isEqualTo("PROD");
        assertThat(stats.version()).isEqualTo("1.2.3");
        assertThat(stats.time()).isEqualTo(clock.instant());
        assertThat(stats.heapUsedBytes()).isPositive().isLessThanOrEqualTo(stats.heapCommittedBytes());
        assertThat(stats.nonHeapUsedBytes()).isPositive();
        // Resident memory holds at least the heap pages in use.
        assertThat(stats.processMemoryBytes()).isGreaterThan(stats.nonHeapUsedBytes());
        assertThat(stats.threadCount()).isPositive();
        assertThat(stats.uptime()).isPositive();
    }

    @Test
    void parsesTheResidentSetSizeFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n";
        assertThat(ProcessMemory.parseVmRss(status)).isEqualTo(OptionalLong.of(123456L * 1024));
        assertThat(ProcessMemory.parseVmRss("Name:\tjava\n")).isEmpty();
    }

    @Test
    void writesUptimeInButlerSosWords() {
        Duration uptime = Duration.ofDays(45).plusHours(3).plusMinutes(4).plusSeconds(5);
        assertThat(UptimeText.of(uptime)).isEqualTo("1 months, 15 days, 3 hours, 4 minutes, 5 seconds");
    }

    @Test
    void logLineShowsIterationUptimeAndMemory() {
        long mb = 1024 * 1024;
        AgentStats stats = new AgentStats(Instant.EPOCH, "DEV", "1", Map.of(), Duration.ofSeconds(61),
                10 * mb, 20 * mb, 30 * mb, 5 * mb, 100 * mb, 17);
        assertThat(AgentStatsComponent.line(1234, stats)).isEqualTo(
                "Uptime #1,234: 0 months, 0 days, 0 hours, 1 minutes, 1 seconds | heap used 10.00 MB, "
                        + "heap total 20.00 MB, non-heap 5.00 MB, process 100.00 MB, 17 threads");
    }

    @Test
    void mapsButlerSosLogLevels() {
        assertThat(AgentStatsComponent.level("verbose")).isEqualTo(Level.DEBUG);
        assertThat(AgentStatsComponent.level("INFO")).isEqualTo(Level.INFO);
        assertThat(AgentStatsComponent.level("off")).isNull();
        assertThat(AgentStatsComponent.level("loud")).isEqualTo(Level.INFO);
    }
}
