package io.butlersos.sink.newrelic.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * New Relic's documented ingest limits, applied before sending so that nothing is dropped silently
 * on their side:
 * <ul>
 *   <li>every API: at most 1 MB (10^6 bytes) per POST, as sent (compressed when gzip is on);</li>
 *   <li>attribute names: at most 255 characters;</li>
 *   <li>Event API: at most 254 attributes per event, string values at most 4096 characters;</li>
 *   <li>Metric API: at most 100 attributes per metric (common block included), values at most 4096 characters;</li>
 *   <li>Log API: at most 255 attributes per record; values beyond 4094 characters are not searchable
 *       (the {@code message} may be longer and is kept up to {@link #LOG_MESSAGE_CHARS}).</li>
 * </ul>
 * Longer values are cut (at a character boundary); attributes beyond the count limit are left out,
 * the ones added last first (configured static attributes come after the record's own).
 */
final class Limits {

    static final int MAX_PAYLOAD_BYTES = 1_000_000;
    static final int MAX_NAME_CHARS = 255;
    static final int EVENT_MAX_ATTRIBUTES = 254;
    static final int EVENT_MAX_VALUE_CHARS = 4096;
    static final int METRIC_MAX_ATTRIBUTES = 100;
    static final int METRIC_MAX_VALUE_CHARS = 4096;
    static final int LOG_MAX_ATTRIBUTES = 255;
    static final int LOG_MAX_VALUE_CHARS = 4094;
    /** 32768 characters are at most 128 KB of UTF-8, New Relic's blob limit for one log attribute. */
    static final int LOG_MESSAGE_CHARS = 32_768;

    private Limits() {
    }

    /** A copy of the attributes within the limits. */
    static Map<String, Object> apply(Map<String, Object> attributes, int maxAttributes, int maxValueChars) {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, Object>> it = attributes.entrySet().iterator();
        while (it.hasNext() && out.size() < maxAttributes) {
            Map.Entry<String, Object> e = it.next();
            if (e.getValue() == null) {
                continue;
            }
            String name = cut(e.getKey(), MAX_NAME_CHARS);
            Object value = e.getValue() instanceof String s ? cut(s, maxValueChars) : e.getValue();
            out.putIfAbsent(name, value);
        }
        return out;
    }

    /** The text cut to at most {@code max} UTF-16 units, never between the halves of a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
