package io.butlersos.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One time-series point: a measurement, tags, typed fields and a timestamp. Field values are
 * {@link Long} (an InfluxDB integer), {@link Double}, {@link Boolean} or {@link String}; the type
 * chosen here is the type the sinks write, so existing dashboards see the types they expect.
 */
public final class Point {

    private final String measurement;
    private final SortedMap<String, String> tags;
    private final Map<String, Object> fields;
    private final Instant time;

    private Point(Builder builder) {
        this.measurement = builder.measurement;
        this.tags = Collections.unmodifiableSortedMap(new TreeMap<>(builder.tags));
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
        this.time = builder.time;
    }

    /** Starts a point of the given measurement. */
    public static Builder measurement(String measurement) {
        return new Builder(measurement);
    }

    public String measurement() {
        return measurement;
    }

    /** Tags sorted by key, as InfluxDB prefers them. No value is empty. */
    public SortedMap<String, String> tags() {
        return tags;
    }

    /** Fields in the order they were added; never empty. */
    public Map<String, Object> fields() {
        return fields;
    }

    public Instant time() {
        return time;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Point p
                && measurement.equals(p.measurement)
                && tags.equals(p.tags)
                && fields.equals(p.fields)
                && time.equals(p.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measurement, tags, fields, time);
    }

    @Override
    public String toString() {
        return measurement + tags + fields + "@" + time;
    }

    /** Builds a {@link Point}; tags with empty values and fields with null values are left out. */
    public static final class Builder {
        private final String measurement;
        private final Map<String, String> tags = new TreeMap<>();
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private Instant time;

        private Builder(String measurement) {
            if (measurement == null || measurement.isEmpty()) {
                throw new IllegalArgumentException("a point needs a measurement name");
            }
            this.measurement = measurement;
        }

        /** Adds a tag; an empty or null value is left out, since InfluxDB refuses empty tag values. */
        public Builder tag(String key, String value) {
            if (value != null && !value.isEmpty()) {
                tags.put(Objects.requireNonNull(key, "tag key"), value);
            }
            return this;
        }

        public Builder tags(Map<String, String> more) {
            more.forEach(this::tag);
            return this;
        }

        public Builder field(String key, long value) {
            fields.put(Objects.requireNonNull(key, "field key"), value);
            return this;
        }

        public Builder field(String key, double value) {
            fields.put(Objects.requireNonNull(key, "field key"), value);
            return this;
        }

        public Builder field(String key, boolean value) {
            fields.put(Objects.requireNonNull(key, "field key"), value);
            return this;
        }

        /** Adds a string field; a null value is left out. */
        public Builder field(String key, String value) {
            if (value != null) {
                fields.put(Objects.requireNonNull(key, "field key"), value);
            }
            return this;
        }

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public Point build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("point '" + measurement + "' has no fields");
            }
            if (time == null) {
                throw new IllegalStateException("point '" + measurement + "' has no time");
            }
            return new Point(this);
        }
    }
}
