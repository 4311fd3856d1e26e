package io.butlersos.events.internal.receive;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Handling times of the parser workers, for the mean, 95th percentile and maximum of each interval.
 * Workers record without locks; the percentile is taken over the last {@value #SAMPLES} samples of
 * the interval.
 */
final class LatencyRecorder {

    static final int SAMPLES = 4096;

    private final AtomicLongArray ring = new AtomicLongArray(SAMPLES);
    private final AtomicLong written = new AtomicLong();
    private final LongAdder sum = new LongAdder();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);
    private long readUpTo;
    private long lastSum;

    void record(long nanos) {
        long slot = written.getAndIncrement();
        ring.set((int) (slot & (SAMPLES - 1)), nanos);
        sum.add(nanos);
        max.accumulate(nanos);
    }

    /** Mean, p95 and max in ms of what was recorded since the last call; called from one thread. */
    double[] takeInterval() {
        long upTo = written.get();
        long count = upTo - readUpTo;
        long total = sum.sum();
        double mean = count == 0 ? 0 : (total - lastSum) / (double) count / 1e6;
        int n = (int) Math.min(count, SAMPLES);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = ring.get((int) ((upTo - n + i) & (SAMPLES - 1)));
        }
        Arrays.sort(values);
        double p95 = n == 0 ? 0 : values[(int) Math.ceil(n * 0.95) - 1] / 1e6;
        double maximum = max.getThenReset() / 1e6;
        readUpTo = upTo;
        lastSum = total;
        return new double[] {mean, p95, maximum};
    }
}
