package io.butlersos.events.internal.receive;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.butlersos.api.events.ReceiverMetrics;

/**
 * Counters of one receiver. They only ever grow; {@link #interval} turns them into per-interval deltas
 * by remembering what it reported last, so nothing counted between two reports is lost and nothing is
 * reset before it has been published.
 */
public final class ReceiverStats {

    final LongAdder received = new LongAdder();
    final LongAdder queued = new LongAdder();
    final LongAdder processed = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder withoutSenseTime = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> dropped = new ConcurrentHashMap<>();
    final LatencyRecorder latency = new LatencyRecorder();

    private long lastReceived;
    private long lastQueued;
    private long lastProcessed;
    private long lastFailed;
    private long lastWithoutSenseTime;
    private final Map<String, Long> lastDropped = new TreeMap<>();
    private Instant lastReport = Instant.now();

    /** Counts a drop. */
    public void drop(String reason) {
        dropped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Counts a datagram the parser refused (it is also counted as a drop under its reason). */
    public void parseFailed() {
        failed.increment();
    }

    /** Counts an event whose time fell back to the receive time. */
    public void eventWithoutSenseTime() {
        withoutSenseTime.increment();
    }

    /** Totals since start, by drop reason. */
    public Map<String, Long> droppedTotals() {
        Map<String, Long> out = new TreeMap<>();
        dropped.forEach((reason, count) -> out.put(reason, count.sum()));
        return out;
    }

    public long receivedTotal() {
        return received.sum();
    }

    public long processedTotal() {
        return processed.sum();
    }

    /** Gauges sampled when a report is made. */
    record Gauges(long queueSize, long queueMaxSize, long running, boolean backpressure, boolean rateLimitOn) {
    }

    /** The deltas since the last report; called from one thread only. */
    synchronized ReceiverMetrics interval(Instant now, String origin, Map<String, String> tags, String measurement,
            String queueType, Gauges gauges) {
        long r = received.sum();
        long q = queued.sum();
        long p = processed.sum();
        long f = failed.sum();
        long w = withoutSenseTime.sum();
        Map<String, Long> drops = new TreeMap<>();
        for (Map.Entry<String, Long> total : droppedTotals().entrySet()) {
            long delta = total.getValue() - lastDropped.getOrDefault(total.getKey(), 0L);
            if (delta > 0) {
                drops.put(total.getKey(), delta);
            }
            lastDropped.put(total.getKey(), total.getValue());
        }
        double[] times = latency.takeInterval();
        double seconds = Math.max(0.001, (now.toEpochMilli() - lastReport.toEpochMilli()) / 1000.0);
        long ratePerMinute = gauges.rateLimitOn() ? Math.round((r - lastReceived) / seconds * 60) : 0;
        ReceiverMetrics metrics = new ReceiverMetrics(now, origin, tags, measurement, queueType, lastReport,
                gauges.queueSize(), gauges.queueMaxSize(), gauges.running(), r - lastReceived, q - lastQueued,
                p - lastProcessed, f - lastFailed, drops, times[0], times[1], times[2], ratePerMinute,
                gauges.backpressure(), w - lastWithoutSenseTime);
        lastReceived = r;
        lastQueued = q;
        lastProcessed = p;
        lastFailed = f;
        lastWithoutSenseTime = w;
        lastReport = now;
        return metrics;
    }
}
