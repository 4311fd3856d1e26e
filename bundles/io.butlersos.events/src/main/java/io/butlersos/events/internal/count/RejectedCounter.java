package io.butlersos.events.internal.count;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.RejectedCount;

/**
 * QIX performance events the filters turned away, by app, method and object type, with the sum of
 * their process times. Reported as per-interval deltas, like {@link EventCounter}.
 */
public final class RejectedCounter {

    private record Key(String appId, String appName, String method, String objectType) {
    }

    private static final class Sums {
        final LongAdder count = new LongAdder();
        final DoubleAdder processTime = new DoubleAdder();
    }

    private final ConcurrentHashMap<Key, Sums> totals = new ConcurrentHashMap<>();
    private final Map<Key, long[]> reportedCounts = new HashMap<>();
    private final Map<Key, double[]> reportedTimes = new HashMap<>();

    public void add(QixPerfEvent event) {
        Sums sums = totals.computeIfAbsent(new Key(event.appId(), event.appName(), event.method(), event.objectType()),
                k -> new Sums());
        // Time first: a report that sees the count also sees its time (or a later one).
        if (Double.isFinite(event.processTime())) {
            sums.processTime.add(event.processTime());
        }
        sums.count.increment();
    }

    /** What was rejected since the last call; call from one thread. */
    public synchronized List<RejectedCount> interval() {
        List<RejectedCount> out = new ArrayList<>();
        totals.forEach((key, sums) -> {
            long count = sums.count.sum();
            double time = sums.processTime.sum();
            long[] lastCount = reportedCounts.computeIfAbsent(key, k -> new long[1]);
            double[] lastTime = reportedTimes.computeIfAbsent(key, k -> new double[1]);
            if (count > lastCount[0]) {
                out.add(new RejectedCount("qseow-qix-perf", key.appId(), key.appName(), key.method(), key.objectType(),
                        count - lastCount[0], time - lastTime[0]));
                lastCount[0] = count;
                lastTime[0] = time;
            }
        });
        return out;
    }
}
