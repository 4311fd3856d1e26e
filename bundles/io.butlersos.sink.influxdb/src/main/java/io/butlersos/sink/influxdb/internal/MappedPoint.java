package io.butlersos.sink.influxdb.internal;

import java.time.Instant;
import java.util.Map;

/**
 * A point as this sink writes it: after the schema mapping of its InfluxDB version and the global tags.
 * {@code tags} iterates in key order.
 */
record MappedPoint(String measurement, Map<String, String> tags, Map<String, Object> fields, Instant time) {
}
