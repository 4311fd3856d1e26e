package io.butlersos.web.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The recent values of one chart line, bounded twice: by age (the history window) and by count (a
 * ring that overwrites its oldest value). Not thread-safe; {@link StatusBoard} guards it.
 */
final class TimeSeries {

    private final long[] times;
    private final double[] values;
    private int start;
    private int size;

    TimeSeries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.times = new long[capacity];
        this.values = new double[capacity];
    }

    /** Adds a value; a value older than the newest one is ignored, so lines never run backwards. */
    void add(long epochMillis, double value) {
        if (size > 0 && epochMillis < times[index(size - 1)]) {
            return;
        }
        if (size == times.length) {
            start = (start + 1) % times.length;
            size--;
        }
        int i = index(size);
        times[i] = epochMillis;
        values[i] = value;
        size++;
    }

    /** Drops values older than the cut-off. */
    void trim(long oldestEpochMillis) {
        while (size > 0 && times[start] < oldestEpochMillis) {
            start = (start + 1) % times.length;
            size--;
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * At most {@code maxPoints} points, oldest first: neighbouring values are averaged in equal runs,
     * so a chart a few hundred pixels wide gets what it can draw and the page stays small.
     *
     * @return a list of {@code [epochMillis, value]} pairs
     */
    List<double[]> points(int maxPoints) {
        int step = Math.max(1, (size + maxPoints - 1) / Math.max(1, maxPoints));
        List<double[]> out = new ArrayList<>(Math.min(size, maxPoints));
        for (int from = 0; from < size; from += step) {
            int to = Math.min(size, from + step);
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += values[index(k)];
            }
            out.add(new double[] {times[index(to - 1)], sum / (to - from)});
        }
        return out;
    }

    private int index(int k) {
        return (start + k) % times.length;
    }
}
