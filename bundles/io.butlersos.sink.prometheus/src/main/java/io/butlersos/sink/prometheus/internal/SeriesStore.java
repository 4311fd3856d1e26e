package io.butlersos.sink.prometheus.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;

/**
 * The current value of every series, as the last writes left it. The core's worker writes and the
 * HTTP threads read, so every method locks; a scrape copies the values out under the lock and
 * formats them after it.
 *
 * <p>Each series remembers when it was last written. A series older than its kind's expiry is
 * dropped on the next scrape, so a Sense server that disappears stops being reported.
 */
final class SeriesStore {

    private final Clock clock;
    private final long gaugeExpiryMillis;
    private final long counterExpiryMillis;
    private final Map<MetricFamily, Map<SortedMap<String, String>, Series>> families = new LinkedHashMap<>();

    private static final class Series {
        /** A gauge's or counter's value; a histogram's sum. */
        double value;
        long updatedMillis;
        /** A histogram's count per bucket (not cumulative), the last one for +Inf; null for other kinds. */
        long[] bucketCounts;
    }

    /**
     * @param gaugeExpiry how long a gauge series lives without an update; zero for ever
     * @param counterExpiry how long a counter series lives without an update; zero for ever
     */
    SeriesStore(Clock clock, Duration gaugeExpiry, Duration counterExpiry) {
        this.clock = clock;
        this.gaugeExpiryMillis = gaugeExpiry.toMillis();
        this.counterExpiryMillis = counterExpiry.toMillis();
    }

    /** Sets a gauge, or a counter whose running total the signal already carries. */
    synchronized void set(MetricFamily family, Map<String, String> labels, double value) {
        Series series = series(family, labels);
        series.value = value;
    }

    /** Adds to a counter; a new series starts at zero. */
    synchronized void add(MetricFamily family, Map<String, String> labels, double delta) {
        Series series = series(family, labels);
        series.value += delta;
    }

    /** Counts one observation into a histogram; a new series starts with empty buckets. */
    synchronized void observe(MetricFamily family, Map<String, String> labels, double value) {
        Series series = series(family, labels);
        List<Double> bounds = family.buckets();
        if (series.bucketCounts == null) {
            series.bucketCounts = new long[bounds.size() + 1];
        }
        int bucket = 0;
        while (bucket < bounds.size() && value > bounds.get(bucket)) {
            bucket++; // Prometheus buckets are "less than or equal": a value on a bound belongs to it
        }
        series.bucketCounts[bucket]++;
        series.value += value;
    }

    /** Forgets the series of a family whose labels match, e.g. the previous engine version of a server. */
    synchronized void remove(MetricFamily family, Predicate<Map<String, String>> labels) {
        Map<SortedMap<String, String>, Series> all = families.get(family);
        if (all != null) {
            all.keySet().removeIf(labels::test);
        }
    }

    /** How many series are served now (after expiry). */
    synchronized int size() {
        expire();
        return families.values().stream().mapToInt(Map::size).sum();
    }

    /** The families with at least one live series, ready for a text writer. */
    MetricSnapshots snapshot() {
        List<MetricSnapshot> out = new ArrayList<>();
        synchronized (this) {
            expire();
            for (Map.Entry<MetricFamily, Map<SortedMap<String, String>, Series>> e : families.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    out.add(snapshotOf(e.getKey(), e.getValue()));
                }
            }
        }
        return new MetricSnapshots(out);
    }

    private Series series(MetricFamily family, Map<String, String> labels) {
        SortedMap<String, String> key = sanitized(labels);
        Series series = families.computeIfAbsent(family, f -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new Series());
        series.updatedMillis = clock.millis();
        return series;
    }

    private void expire() {
        long now = clock.millis();
        for (Map.Entry<MetricFamily, Map<SortedMap<String, String>, Series>> e : families.entrySet()) {
            long expiry = e.getKey().polledState() ? gaugeExpiryMillis : counterExpiryMillis;
            if (expiry <= 0) {
                continue;
            }
            Iterator<Series> it = e.getValue().values().iterator();
            while (it.hasNext()) {
                if (now - it.next().updatedMillis > expiry) {
                    it.remove();
                }
            }
        }
    }

    private static MetricSnapshot snapshotOf(MetricFamily family, Map<SortedMap<String, String>, Series> series) {
        if (family.kind() == MetricFamily.Kind.HISTOGRAM) {
            double[] bounds = new double[family.buckets().size() + 1];
            for (int i = 0; i < family.buckets().size(); i++) {
                bounds[i] = family.buckets().get(i);
            }
            bounds[bounds.length - 1] = Double.POSITIVE_INFINITY;
            HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(family.name()).help(family.help());
            series.forEach((labels, s) -> b.dataPoint(HistogramDataPointSnapshot.builder().labels(labelsOf(labels))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, s.bucketCounts.clone()))
                    .sum(s.value).build()));
            return b.build();
        }
        if (family.kind() == MetricFamily.Kind.COUNTER) {
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(family.name()).help(family.help());
            series.forEach((labels, s) -> b.dataPoint(
                    CounterDataPointSnapshot.builder().labels(labelsOf(labels)).value(s.value).build()));
            return b.build();
        }
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(family.name()).help(family.help());
        series.forEach((labels, s) -> b.dataPoint(
                GaugeDataPointSnapshot.builder().labels(labelsOf(labels)).value(s.value).build()));
        return b.build();
    }

    private static Labels labelsOf(SortedMap<String, String> labels) {
        return Labels.of(labels.keySet().toArray(String[]::new), labels.values().toArray(String[]::new));
    }

    /**
     * Label names as Prometheus allows them (a custom tag {@code qs-env} becomes {@code qs_env}); empty
     * values left out, since Prometheus treats an empty label as an absent one.
     */
    static SortedMap<String, String> sanitized(Map<String, String> labels) {
        SortedMap<String, String> out = new TreeMap<>();
        labels.forEach((name, value) -> {
            if (name != null && !name.isEmpty() && value != null && !value.isEmpty()) {
                out.put(PrometheusNaming.sanitizeLabelName(name), value);
            }
        });
        return out;
    }
}
