package io.butlersos.bench.countingsink.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Signals counted by type. The core writes from one thread per sink; the totals are read from
 * another (at deactivation), hence the concurrent map and adders.
 */
final class SignalTally {

    private final Map<String, LongAdder> byType = new ConcurrentHashMap<>();

    void add(String type) {
        byType.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    long total() {
        return byType.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Counts by type, sorted by type. */
    Map<String, Long> byType() {
        Map<String, Long> out = new TreeMap<>();
        byType.forEach((type, count) -> out.put(type, count.sum()));
        return out;
    }
}
