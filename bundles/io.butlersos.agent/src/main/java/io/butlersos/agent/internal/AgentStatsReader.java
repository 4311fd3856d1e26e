package io.butlersos.agent.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.butlersos.api.agent.health.AgentStats;

/** Measures the running JVM: uptime, heap, non-heap, process memory, threads. */
final class AgentStatsReader {

    private final Clock clock;

    AgentStatsReader(Clock clock) {
        this.clock = clock;
    }

    AgentStats read(String instance, String version) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        return new AgentStats(clock.instant(), instance, version, Map.of(),
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()),
                heap.getUsed(), heap.getCommitted(), heap.getMax(), nonHeap.getUsed(),
                ProcessMemory.bytes(), ManagementFactory.getThreadMXBean().getThreadCount());
    }
}
