package io.butlersos.core.internal;

import java.util.Map;

import io.butlersos.api.sink.Sink;

/**
 * How one sink is served: its own service properties where it sets them, the core's defaults
 * everywhere else.
 */
record LaneSettings(String name, String target, TypeFilter types, int batchSize, long lingerMs,
        int bufferLimit, long writeTimeoutMs, long retryInitialMs, long retryMaxMs) {

    static LaneSettings of(Sink sink, Map<String, Object> props, CoreConfig defaults) {
        return new LaneSettings(
                string(props.get(Sink.NAME), String.valueOf(props.getOrDefault("component.name", "sink"))),
                describeTarget(sink),
                TypeFilter.of(props.get(Sink.SIGNAL_TYPES)),
                (int) positive(props.get(Sink.BATCH_SIZE), defaults.batch_size(), Sink.BATCH_SIZE),
                nonNegative(props.get(Sink.LINGER_MS), defaults.linger_ms(), Sink.LINGER_MS),
                (int) positive(props.get(Sink.BUFFER_LIMIT), defaults.buffer_limit(), Sink.BUFFER_LIMIT),
                positive(props.get(Sink.WRITE_TIMEOUT_MS), defaults.write_timeout_ms(), Sink.WRITE_TIMEOUT_MS),
                defaults.retry_initial_ms(),
                defaults.retry_max_ms());
    }

    private static String describeTarget(Sink sink) {
        try {
            String target = sink.target();
            return target == null ? "" : target;
        } catch (RuntimeException e) {
            return "(unknown: " + e + ")";
        }
    }

    private static String string(Object value, String fallback) {
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
    }

    private static long positive(Object value, long fallback, String key) {
        long n = number(value, fallback, key);
        if (n <= 0) {
            throw new IllegalArgumentException(key + " must be greater than 0, not " + n);
        }
        return n;
    }

    private static long nonNegative(Object value, long fallback, String key) {
        long n = number(value, fallback, key);
        if (n < 0) {
            throw new IllegalArgumentException(key + " must not be negative, not " + n);
        }
        return n;
    }

    /** Service properties may be numbers or, from .cfg files, strings; 0 and empty mean "not set". */
    private static long number(Object value, long fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.longValue() == 0 ? fallback : n.longValue();
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text);
            return n == 0 ? fallback : n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + text + "'", e);
        }
    }
}
