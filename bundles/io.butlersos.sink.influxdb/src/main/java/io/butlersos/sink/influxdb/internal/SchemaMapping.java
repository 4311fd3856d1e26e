package io.butlersos.sink.influxdb.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.butlersos.api.Point;

/**
 * Turns a signal's point (Butler SOS v1 names and types) into the point this sink writes.
 *
 * <ul>
 *   <li>All versions: the global tags are added (a tag the point sets itself wins), and the
 *       {@code log_row} tag of {@code log_event} becomes an integer field: as a tag it made every log
 *       line its own series, which grows InfluxDB's index without bound (see docs/compatibility.md).</li>
 *   <li>Version 1 and 2 write Butler SOS's v1 schema unchanged otherwise.</li>
 *   <li>Version 3 follows Butler SOS's v3 writer: InfluxDB 3 keeps tags and fields as columns of one
 *       table, so a field may not share a tag's name ({@code result_code} → {@code result_code_field},
 *       {@code userFull} → {@code userFull_field}, ...), and some fields have other types
 *       ({@code mem} in MB as floats, counters and queue sizes as integers).</li>
 * </ul>
 */
final class SchemaMapping {

    static final String LOG_EVENT = "log_event";
    static final String LOG_ROW = "log_row";

    /** v3: fields renamed per measurement, as Butler SOS's v3 writers name them. */
    private static final Map<String, Map<String, String>> V3_FIELD_RENAMES = Map.of(
            "user_events", Map.of("userFull", "userFull_field", "userId", "userId_field",
                    "appId", "appId_field", "appName", "appName_field"),
            LOG_EVENT, Map.of("result_code", "result_code_field", "app_name", "app_name_field",
                    "app_id", "app_id_field"));

    /**
     * v3: fields written as integers wherever they appear (v1 wrote them as untyped numbers, i.e. floats),
     * and every {@code messages_*} counter of the queue measurements.
     */
    private static final Set<String> V3_INTEGER_FIELDS = Set.of("counter",
            "queue_size", "queue_max_size", "queue_running", "messages_received", "messages_queued",
            "messages_processed", "messages_failed", "messages_dropped_total", "messages_dropped_rate_limit",
            "messages_dropped_queue_full", "messages_dropped_size", "rate_limit_current", "backpressure_active");

    /** v3: integer fields of one measurement only. */
    private static final Map<String, Set<String>> V3_INTEGER_FIELDS_OF = Map.of(
            LOG_EVENT, Set.of("handle", "net_ram", "peak_ram"));

    /** v3: fields written as floats (v1's schema floored them to integers). */
    private static final Map<String, Set<String>> V3_FLOAT_FIELDS_OF = Map.of(
            "mem", Set.of("comitted", "allocated", "free"));

    private final int version;
    private final boolean logRowAsTag;
    private final SortedMap<String, String> globalTags;

    SchemaMapping(int version, boolean logRowAsTag, Map<String, String> globalTags) {
        this.version = version;
        this.logRowAsTag = logRowAsTag;
        this.globalTags = new TreeMap<>(globalTags);
    }

    MappedPoint map(Point point) {
        String measurement = point.measurement();
        Map<String, String> tags = point.tags();
        Map<String, Object> fields = point.fields();

        if (!globalTags.isEmpty()) {
            SortedMap<String, String> merged = new TreeMap<>(globalTags);
            merged.putAll(tags);
            tags = merged;
        }
        if (!logRowAsTag && LOG_EVENT.equals(measurement) && tags.containsKey(LOG_ROW)) {
            Long value = rowValue(tags.get(LOG_ROW));
            tags = MapViews.without(tags, LOG_ROW);
            if (value != null && !fields.containsKey(LOG_ROW)) {
                fields = MapViews.with(fields, LOG_ROW, value);
            }
        }
        if (version == 3) {
            return mapToV3(measurement, tags, fields, point);
        }
        return new MappedPoint(measurement, tags, fields, point.time());
    }

    private MappedPoint mapToV3(String measurement, Map<String, String> tags, Map<String, Object> fields,
            Point point) {
        Map<String, String> renames = V3_FIELD_RENAMES.getOrDefault(measurement, Map.of());
        Set<String> integers = V3_INTEGER_FIELDS_OF.getOrDefault(measurement, Set.of());
        Set<String> floats = V3_FLOAT_FIELDS_OF.getOrDefault(measurement, Set.of());
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = renames.getOrDefault(field.getKey(), field.getKey());
            if (tags.containsKey(name)) {
                // InfluxDB 3 refuses a column that is both a tag and a field.
                name = name + "_field";
            }
            Object value = field.getValue();
            if (value instanceof Number n && (V3_INTEGER_FIELDS.contains(field.getKey())
                    || integers.contains(field.getKey()) || field.getKey().startsWith("messages_"))) {
                value = (long) Math.floor(n.doubleValue());
            } else if (value instanceof Number n && floats.contains(field.getKey())) {
                value = n.doubleValue();
            }
            out.put(name, value);
        }
        if (LOG_EVENT.equals(measurement) && tags.containsValue("<Unknown>")) {
            // Butler SOS v3 strips angle brackets from tag values; its v3 dashboards filter on "Unknown".
            Map<String, String> cleaned = new TreeMap<>(tags);
            cleaned.replaceAll((k, v) -> "<Unknown>".equals(v) ? "Unknown" : v);
            tags = cleaned;
        }
        return new MappedPoint(measurement, tags, out, point.time());
    }

    /** Log rows are line numbers; a field has one type, so anything else is left out. */
    private static Long rowValue(String row) {
        try {
            return Long.parseLong(row.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
