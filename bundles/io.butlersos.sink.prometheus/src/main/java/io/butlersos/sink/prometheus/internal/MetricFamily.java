package io.butlersos.sink.prometheus.internal;

/**
 * One metric as Prometheus lists it: a name, a help text and a type.
 *
 * @param name the name without the {@code _total} suffix a counter gets on the wire
 * @param help one sentence for people
 * @param kind the type on the wire
 * @param polledState whether the values are the latest state of something polled (they expire with the
 *        gauge expiry) rather than a running count (they expire with the counter expiry)
 */
record MetricFamily(String name, String help, Kind kind, boolean polledState) {

    enum Kind {
        GAUGE, COUNTER
    }

    static MetricFamily gauge(String name, String help) {
        return new MetricFamily(name, help, Kind.GAUGE, true);
    }

    /** A running count; the exposition adds {@code _total} to {@code name}. */
    static MetricFamily counter(String name, String help) {
        return new MetricFamily(name, help, Kind.COUNTER, false);
    }

    /**
     * A polled value that Butler SOS named {@code <name>_total}. The Prometheus client allows that suffix
     * on counters only, so it is typed counter on the wire, but it expires like a gauge.
     */
    static MetricFamily totalNamedGauge(String name, String help) {
        return new MetricFamily(name, help, Kind.COUNTER, true);
    }
}
