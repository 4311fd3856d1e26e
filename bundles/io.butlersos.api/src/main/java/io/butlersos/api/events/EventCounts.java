package io.butlersos.api.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * The per-interval event counters (Butler SOS's {@code event_count}, one point per entry). Counts are
 * deltas over {@code [intervalStart, time)}; adding up the signals gives the totals.
 *
 * @param time the end of the interval
 * @param origin the agent instance
 * @param tags configured tags ({@code qlikSenseEvents.eventCount.influxdb.tags})
 * @param measurement the measurement name ({@code qlikSenseEvents.eventCount.influxdb.measurementName})
 * @param intervalStart the start of the interval
 * @param counts one entry per (event type, source, host, subsystem, level) seen in the interval
 */
public record EventCounts(
        Instant time,
        String origin,
        Map<String, String> tags,
        String measurement,
        Instant intervalStart,
        List<EventCount> counts) implements Signal {

    /** The signal type of event counters. */
    public static final String TYPE = "event.counts";

    public EventCounts {
        tags = Map.copyOf(tags);
        counts = List.copyOf(counts);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * One point per (event type, source, host, subsystem); entries that differ only in level are
     * added up, since Butler SOS has no level tag. {@code counter} is a float, as Butler SOS's v1 wrote it.
     */
    @Override
    public List<Point> toPoints() {
        Map<List<String>, Long> merged = new java.util.LinkedHashMap<>();
        for (EventCount count : counts) {
            merged.merge(List.of(count.eventType(), count.source(), count.host(), count.subsystem()),
                    count.counter(), Long::sum);
        }
        List<Point> points = new ArrayList<>(merged.size());
        merged.forEach((key, counter) -> points.add(Point.measurement(measurement)
                .tag("event_type", key.get(0))
                .tag("source", key.get(1))
                .tag("host", key.get(2))
                .tag("subsystem", key.get(3))
                .tags(tags)
                .field("counter", (double) counter)
                .time(time)
                .build()));
        return points;
    }
}
