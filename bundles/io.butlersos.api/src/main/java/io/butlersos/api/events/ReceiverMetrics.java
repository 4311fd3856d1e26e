package io.butlersos.api.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * The health of one UDP receiver over one interval (Butler SOS's {@code log_events_queue} /
 * {@code user_events_queue}). Counters are deltas over {@code [intervalStart, time)}; gauges are
 * sampled at {@code time}.
 *
 * @param time the end of the interval
 * @param origin the agent's host name (Butler SOS's {@code host} tag)
 * @param tags configured tags ({@code ...udpServerConfig.queueMetrics.influxdb.tags})
 * @param measurement e.g. {@code log_events_queue}
 * @param queueType {@code log_events} or {@code user_events}
 * @param intervalStart the start of the interval
 * @param queueSize datagrams waiting for a parser (gauge)
 * @param queueMaxSize the hand-off capacity
 * @param queueRunning parser workers busy (gauge)
 * @param received datagrams the reader took from the socket
 * @param queued datagrams handed to the parsers
 * @param processed datagrams that became published events
 * @param failed datagrams the parser refused (also counted as drops under their reason, e.g. {@code missing_fields})
 * @param dropped datagrams dropped, by reason: {@code rate_limit}, {@code queue_full}, {@code size},
 *        {@code source_denied}, {@code missing_fields}, {@code source_disabled}, {@code rule}, {@code excluded_user}, ...
 * @param processingTimeAvgMs mean parse-to-publish time
 * @param processingTimeP95Ms 95th percentile of it
 * @param processingTimeMaxMs its maximum
 * @param rateLimitCurrent the busiest source's rate in the interval, per minute (0 when the limit is off)
 * @param backpressureActive whether the hand-off was at or over its warning threshold
 * @param eventsWithoutSenseTime events whose signal time fell back to the receive time
 */
public record ReceiverMetrics(
        Instant time,
        String origin,
        Map<String, String> tags,
        String measurement,
        String queueType,
        Instant intervalStart,
        long queueSize,
        long queueMaxSize,
        long queueRunning,
        long received,
        long queued,
        long processed,
        long failed,
        Map<String, Long> dropped,
        double processingTimeAvgMs,
        double processingTimeP95Ms,
        double processingTimeMaxMs,
        long rateLimitCurrent,
        boolean backpressureActive,
        long eventsWithoutSenseTime) implements Signal {

    /** The signal type of receiver metrics. */
    public static final String TYPE = "event.receiver";

    /** Drop reasons Butler SOS had fields for; others become {@code messages_dropped_<reason>} too. */
    public static final String DROP_RATE_LIMIT = "rate_limit";
    public static final String DROP_QUEUE_FULL = "queue_full";
    public static final String DROP_SIZE = "size";

    public ReceiverMetrics {
        tags = Map.copyOf(tags);
        dropped = Map.copyOf(dropped);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** All drops, whatever the reason. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Queue fill in percent. */
    public double utilizationPct() {
        return queueMaxSize == 0 ? 0 : 100.0 * queueSize / queueMaxSize;
    }

    /**
     * One point with Butler SOS's fields (floats, as its v1 wrote them), plus one
     * {@code messages_dropped_<reason>} field per further drop reason and {@code events_without_sense_time}.
     */
    @Override
    public List<Point> toPoints() {
        Point.Builder point = Point.measurement(measurement)
                .tag("queue_type", queueType)
                .tag("host", origin)
                .tags(tags)
                .field("queue_size", (double) queueSize)
                .field("queue_max_size", (double) queueMaxSize)
                .field("queue_utilization_pct", utilizationPct())
                .field("queue_running", (double) queueRunning)
                .field("messages_received", (double) received)
                .field("messages_queued", (double) queued)
                .field("messages_processed", (double) processed)
                .field("messages_failed", (double) failed)
                .field("messages_dropped_total", (double) droppedTotal())
                .field("messages_dropped_rate_limit", (double) dropped.getOrDefault(DROP_RATE_LIMIT, 0L))
                .field("messages_dropped_queue_full", (double) dropped.getOrDefault(DROP_QUEUE_FULL, 0L))
                .field("messages_dropped_size", (double) dropped.getOrDefault(DROP_SIZE, 0L))
                .field("processing_time_avg_ms", processingTimeAvgMs)
                .field("processing_time_p95_ms", processingTimeP95Ms)
                .field("processing_time_max_ms", processingTimeMaxMs)
                .field("rate_limit_current", (double) rateLimitCurrent)
                .field("backpressure_active", backpressureActive ? 1.0 : 0.0);
        new TreeMap<>(dropped).forEach((reason, count) -> {
            if (!reason.equals(DROP_RATE_LIMIT) && !reason.equals(DROP_QUEUE_FULL) && !reason.equals(DROP_SIZE)) {
                point.field("messages_dropped_" + reason, (double) count);
            }
        });
        point.field("events_without_sense_time", (double) eventsWithoutSenseTime);
        return List.of(point.time(time).build());
    }
}
