package io.butlersos.sink.influxdb.internal;

import java.time.Instant;
import java.util.Locale;

/** Timestamp precision of a write, and how each InfluxDB API spells it. */
enum Precision {
    NANOSECONDS("ns", "n", "ns", "nanosecond"),
    MICROSECONDS("us", "u", "us", "microsecond"),
    MILLISECONDS("ms", "ms", "ms", "millisecond"),
    SECONDS("s", "s", "s", "second");

    private final String configName;
    private final String v1;
    private final String v2;
    private final String v3;

    Precision(String configName, String v1, String v2, String v3) {
        this.configName = configName;
        this.v1 = v1;
        this.v2 = v2;
        this.v3 = v3;
    }

    /** Parses the configuration value ({@code ns}, {@code us}, {@code ms}, {@code s}). */
    static Precision of(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Precision p : values()) {
            if (p.configName.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision must be one of ns, us, ms, s, not '" + text + "'");
    }

    /** The {@code precision} query parameter for an API version (1.x wants "n"/"u", 3.x whole words). */
    String queryValue(int apiVersion) {
        return switch (apiVersion) {
            case 1 -> v1;
            case 2 -> v2;
            default -> v3;
        };
    }

    String configName() {
        return configName;
    }

    /** The instant in this precision's units since the epoch (truncated, as InfluxDB would). */
    long toUnits(Instant time) {
        long seconds = time.getEpochSecond();
        int nanos = time.getNano();
        return switch (this) {
            case NANOSECONDS -> Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
            case MICROSECONDS -> seconds * 1_000_000L + nanos / 1_000;
            case MILLISECONDS -> seconds * 1_000L + nanos / 1_000_000;
            case SECONDS -> seconds;
        };
    }
}
