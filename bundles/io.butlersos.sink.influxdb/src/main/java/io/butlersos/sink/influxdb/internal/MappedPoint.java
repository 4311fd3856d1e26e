package io.butlersos.sink.influxdb.internal;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/** A point as this sink writes it: after the schema mapping of its InfluxDB version and the global tags. */
record MappedPoint(String measurement, SortedMap<String, String> tags, Map<String, Object> fields, Instant time) {
}
