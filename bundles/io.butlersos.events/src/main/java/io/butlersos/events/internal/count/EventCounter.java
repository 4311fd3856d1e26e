package io.butlersos.events.internal.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.butlersos.api.events.EventCount;

/**
 * Events received, by event type, source, host, subsystem and level. Counters only grow; each
 * {@link #interval()} reports what was added since the previous one, so counts that arrive while a
 * report is made land in the next report instead of being lost.
 */
public final class EventCounter {

    /** Butler SOS's word for a part it could not tell. */
    public static final String UNKNOWN = "Unknown";

    private record Key(String eventType, String source, String host, String subsystem, String level) {
    }

    private final ConcurrentHashMap<Key, LongAdder> totals = new ConcurrentHashMap<>();
    private final Map<Key, Long> reported = new HashMap<>();

    /** Counts one event; empty parts are counted as {@code Unknown}. */
    public void add(String eventType, String source, String host, String subsystem, String level) {
        Key key = new Key(eventType, orUnknown(source), orUnknown(host), orUnknown(subsystem), level);
        LongAdder adder = totals.get(key);
        if (adder == null) {
            adder = totals.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.increment();
    }

    /** What was counted since the last call, entries with nothing new left out; call from one thread. */
    public synchronized List<EventCount> interval() {
        List<EventCount> out = new ArrayList<>();
        totals.forEach((key, adder) -> {
            long total = adder.sum();
            long delta = total - reported.getOrDefault(key, 0L);
            if (delta > 0) {
                out.add(new EventCount(key.eventType(), key.source(), key.host(), key.subsystem(), key.level(), delta));
                reported.put(key, total);
            }
        });
        return out;
    }

    /** Totals since start, summed over everything but the event type and source. */
    public long total(String eventType, String source) {
        long sum = 0;
        for (Map.Entry<Key, LongAdder> entry : totals.entrySet()) {
            if (entry.getKey().eventType().equals(eventType) && entry.getKey().source().equals(source)) {
                sum += entry.getValue().sum();
            }
        }
        return sum;
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }
}
