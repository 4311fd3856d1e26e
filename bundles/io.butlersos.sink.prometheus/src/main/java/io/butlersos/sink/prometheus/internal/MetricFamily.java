package io.butlersos.sink.prometheus.internal;

import java.util.List;

/**
 * One metric as Prometheus lists it: a name, a help text and a type.
 *
 * @param name the name without the {@code _total} suffix a counter gets on the wire
 * @param help one sentence for people
 * @param kind the type on the wire
 * @param polledState whether the values are the latest state of something polled (they expire with the
 *        gauge expiry) rather than a running count (they expire with the counter expiry)
 * @param buckets the upper bounds of a histogram's buckets, ascending, without {@code +Inf}; empty otherwise
 */
record MetricFamily(String name, String help, Kind kind, boolean polledState, List<Double> buckets) {

    enum Kind {
        GAUGE, COUNTER, HISTOGRAM
    }

    MetricFamily {
        buckets = List.copyOf(buckets);
    }

    static MetricFamily gauge(String name, String help) {
        return new MetricFamily(name, help, Kind.GAUGE, true, List.of());
    }

    /** A running count; the exposition adds {@code _total} to {@code name}. */
    static MetricFamily counter(String name, String help) {
        return new MetricFamily(name, help, Kind.COUNTER, false, List.of());
    }

    /**
     * A classic histogram of observations (running counts per bucket, a sum and a count), which expires
     * like a counter; the exposition adds {@code _bucket}, {@code _sum} and {@code _count}.
     */
    static MetricFamily histogram(String name, String help, List<Double> buckets) {
        return new MetricFamily(name, help, Kind.HISTOGRAM, false, buckets);
    }

    /**
     * A polled value that Butler SOS named {@code <name>_total}. The Prometheus client allows that suffix
     * on counters only, so it is typed counter on the wire, but it expires like a gauge.
     */
    static MetricFamily totalNamedGauge(String name, String help) {
        return new MetricFamily(name, help, Kind.COUNTER, true, List.of());
    }
}
