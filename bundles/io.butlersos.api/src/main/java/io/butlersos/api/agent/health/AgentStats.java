package io.butlersos.api.agent.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * The agent's own uptime and memory at one moment. Rendered as Butler SOS's
 * {@code butlersos_memory_usage} point: tags {@code butler_sos_instance} and {@code version}, float
 * megabyte fields {@code heap_used}, {@code heap_total}, {@code external} (the JVM's non-heap memory,
 * its nearest match to Node's external memory) and {@code process_memory} (resident set size), plus
 * fields Butler SOS lacks: {@code heap_max}, {@code uptime_ms} and {@code thread_count}.
 *
 * @param time when it was measured
 * @param origin the instance tag ({@code butler_sos_instance})
 * @param version the agent's version
 * @param tags more tags for the point
 * @param uptime how long the agent has run
 * @param heapUsedBytes heap in use
 * @param heapCommittedBytes heap reserved from the system (Node's heap total)
 * @param heapMaxBytes the heap's limit, or -1 when it has none
 * @param nonHeapUsedBytes non-heap memory in use: metaspace, code cache
 * @param processMemoryBytes the process's resident memory as the operating system sees it
 * @param threadCount live JVM threads
 */
public record AgentStats(
        Instant time,
        String origin,
        String version,
        Map<String, String> tags,
        Duration uptime,
        long heapUsedBytes,
        long heapCommittedBytes,
        long heapMaxBytes,
        long nonHeapUsedBytes,
        long processMemoryBytes,
        int threadCount) implements Signal {

    /** The signal type of agent statistics. */
    public static final String TYPE = "agent.stats";

    /** The Butler SOS measurement. */
    public static final String MEASUREMENT = "butlersos_memory_usage";

    public AgentStats {
        tags = Map.copyOf(tags);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Point> toPoints() {
        Point.Builder point = Point.measurement(MEASUREMENT)
                .tags(tags)
                .tag("butler_sos_instance", origin)
                .tag("version", version)
                .field("heap_used", megabytes(heapUsedBytes))
                .field("heap_total", megabytes(heapCommittedBytes))
                .field("external", megabytes(nonHeapUsedBytes))
                .field("process_memory", megabytes(processMemoryBytes));
        if (heapMaxBytes >= 0) {
            point.field("heap_max", megabytes(heapMaxBytes));
        }
        return List.of(point
                .field("uptime_ms", uptime.toMillis())
                .field("thread_count", (long) threadCount)
                .time(time)
                .build());
    }

    /** Bytes as megabytes (2^20) rounded to two decimals, as Butler SOS writes them. */
    public static double megabytes(long bytes) {
        return Math.round(bytes / 1048576.0 * 100.0) / 100.0;
    }
}
