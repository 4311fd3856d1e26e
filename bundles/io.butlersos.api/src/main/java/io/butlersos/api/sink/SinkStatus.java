package io.butlersos.api.sink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * The delivery counters of one sink instance at one moment. Counters count signals and only grow
 * while the agent runs.
 *
 * @param time when the snapshot was taken
 * @param origin the agent instance that delivers
 * @param sinkId the sink's configuration id (its Config Admin PID, or its component name)
 * @param sinkName the sink's short name
 * @param target where the sink writes, for people (never a secret)
 * @param attached whether a sink service is bound right now (false while it is redeployed or reconfigured)
 * @param delivered signals written
 * @param batches successful writes
 * @param retries write attempts that failed retriably and were retried
 * @param timeouts write attempts interrupted at their deadline (also counted in retries)
 * @param dropped signals dropped, by reason: {@code queue_full}, {@code rejected}, {@code too_large}
 * @param queueSize signals waiting now
 * @param queueCapacity the most that may wait
 * @param writeTimeAvgMs mean duration of a write attempt
 * @param writeTimeMaxMs longest write attempt
 * @param lastSuccess when a write last succeeded, or null
 * @param lastError the last failure's message, or null
 * @param lastErrorTime when it happened, or null
 */
public record SinkStatus(
        Instant time,
        String origin,
        String sinkId,
        String sinkName,
        String target,
        boolean attached,
        long delivered,
        long batches,
        long retries,
        long timeouts,
        Map<String, Long> dropped,
        int queueSize,
        int queueCapacity,
        double writeTimeAvgMs,
        double writeTimeMaxMs,
        Instant lastSuccess,
        String lastError,
        Instant lastErrorTime) implements Signal {

    /** The signal type of delivery counters. */
    public static final String TYPE = "agent.sink";

    /** Drop reasons used as keys of {@link #dropped()}. */
    public static final String DROP_QUEUE_FULL = "queue_full";
    public static final String DROP_REJECTED = "rejected";
    public static final String DROP_TOO_LARGE = "too_large";

    public SinkStatus {
        dropped = Collections.unmodifiableSortedMap(new TreeMap<>(dropped)); // a stable order for readers
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** All signals dropped for any reason. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public List<Point> toPoints() {
        Point.Builder point = Point.measurement("butlersos_sink")
                .tag("butler_sos_instance", origin)
                .tag("sink", sinkName)
                .tag("sink_id", sinkId)
                .field("attached", attached)
                .field("delivered", delivered)
                .field("batches", batches)
                .field("retries", retries)
                .field("timeouts", timeouts)
                .field("dropped_queue_full", dropped.getOrDefault(DROP_QUEUE_FULL, 0L))
                .field("dropped_rejected", dropped.getOrDefault(DROP_REJECTED, 0L))
                .field("dropped_too_large", dropped.getOrDefault(DROP_TOO_LARGE, 0L))
                .field("queue_size", (long) queueSize)
                .field("queue_capacity", (long) queueCapacity)
                .field("write_time_avg_ms", writeTimeAvgMs)
                .field("write_time_max_ms", writeTimeMaxMs)
                .time(time);
        List<Point> points = new ArrayList<>(1);
        points.add(point.build());
        return points;
    }
}
