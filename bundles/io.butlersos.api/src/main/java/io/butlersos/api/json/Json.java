package io.butlersos.api.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.butlersos.api.Signal;

/**
 * Writes JSON (RFC 8259) from plain Java values: maps, iterables, arrays, records, strings, numbers,
 * booleans, enums, {@code java.time} values (as ISO-8601 strings) and null. Records are written as
 * objects of their components, which is how every signal becomes JSON without code of its own.
 * Non-finite doubles become null, since JSON has no NaN.
 */
public final class Json {

    private static final Set<String> SIGNAL_HEADER = Set.of("type", "time", "origin", "tags");

    private Json() {
    }

    /** The value as compact JSON. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        append(out, value);
        return out.toString();
    }

    /**
     * A signal as one JSON object: {@code type}, {@code time}, {@code origin} and {@code tags} first,
     * then every other component of the signal's record.
     */
    public static String writeSignal(Signal signal) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"type\":");
        appendString(out, signal.type());
        out.append(",\"time\":");
        appendString(out, signal.time().toString());
        out.append(",\"origin\":");
        append(out, signal.origin());
        out.append(",\"tags\":");
        append(out, signal.tags());
        if (signal instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (!SIGNAL_HEADER.contains(component.getName())) {
                    out.append(',');
                    appendString(out, component.getName());
                    out.append(':');
                    append(out, componentValue(record, component));
                }
            }
        }
        return out.append('}').toString();
    }

    /** Appends the value as JSON. */
    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            appendString(out, text);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? String.valueOf(d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map);
        } else if (value instanceof Iterable<?> items) {
            appendItems(out, items);
        } else if (value instanceof Object[] array) {
            appendItems(out, java.util.Arrays.asList(array));
        } else if (value instanceof Optional<?> optional) {
            append(out, optional.orElse(null));
        } else if (value instanceof Record record) {
            appendRecord(out, record);
        } else if (value instanceof Enum<?> e) {
            appendString(out, e.name());
        } else if (value instanceof TemporalAccessor || value instanceof java.time.Duration) {
            appendString(out, value.toString());
        } else {
            appendString(out, value.toString());
        }
    }

    /** Appends a JSON string literal, escaping quotes, backslashes and control characters. */
    public static void appendString(StringBuilder out, CharSequence text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/2029 are legal JSON but break JavaScript readers of the same text.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, String.valueOf(entry.getKey()));
            out.append(':');
            append(out, entry.getValue());
        }
        out.append('}');
    }

    private static void appendItems(StringBuilder out, Iterable<?> items) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            append(out, item);
        }
        out.append(']');
    }

    private static void appendRecord(StringBuilder out, Record record) {
        out.append('{');
        boolean first = true;
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, component.getName());
            out.append(':');
            append(out, componentValue(record, component));
        }
        out.append('}');
    }

    private static Object componentValue(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            if (!accessor.canAccess(record)) {
                accessor.setAccessible(true);
            }
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return "<unreadable: " + e.getClass().getSimpleName() + ">";
        }
    }
}
