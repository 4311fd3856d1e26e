package io.butlersos.api.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * Per-interval counts of rejected QIX performance events (Butler SOS's {@code rejected_event_count}).
 *
 * @param time the end of the interval
 * @param origin the agent instance
 * @param tags configured tags ({@code logEvents.enginePerformanceMonitor.trackRejectedEvents.tags})
 * @param measurement the measurement name ({@code qlikSenseEvents.rejectedEventCount.influxdb.measurementName})
 * @param intervalStart the start of the interval
 * @param counts one entry per (app, method, object type)
 */
public record RejectedEventCounts(
        Instant time,
        String origin,
        Map<String, String> tags,
        String measurement,
        Instant intervalStart,
        List<RejectedCount> counts) implements Signal {

    /** The signal type of rejected-event counters. */
    public static final String TYPE = "event.rejected-counts";

    public RejectedEventCounts {
        tags = Map.copyOf(tags);
        counts = List.copyOf(counts);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** One point per entry; numbers are floats, as Butler SOS's v1 wrote them. */
    @Override
    public List<Point> toPoints() {
        List<Point> points = new ArrayList<>(counts.size());
        for (RejectedCount count : counts) {
            Point.Builder point = Point.measurement(measurement)
                    .tag("source", count.source())
                    .tag("app_id", count.appId())
                    .tag("method", count.method())
                    .tag("object_type", count.objectType());
            if (count.appName().isEmpty()) {
                point.tag("app_name_set", "false");
            } else {
                point.tag("app_name", count.appName()).tag("app_name_set", "true");
            }
            points.add(point.tags(tags)
                    .field("counter", (double) count.counter())
                    .field("process_time", count.processTime())
                    .time(time)
                    .build());
        }
        return points;
    }
}
