package io.butlersos.sink.influxdb.internal;

import java.util.Map;

/**
 * Writes InfluxDB line protocol: {@code measurement,tag=v field=1i,other="text" 1700000000000000000}.
 *
 * <p>Escaping follows what the InfluxDB parsers accept:
 * <ul>
 *   <li>measurement: comma and space are escaped with a backslash;</li>
 *   <li>tag keys, tag values and field keys: comma, equals sign and space;</li>
 *   <li>string field values: double quote and backslash; newlines stay as they are (inside quotes the
 *       parsers of 1.x, 2.x and 3.x keep them);</li>
 *   <li>a newline or carriage return in a name or tag value cannot be represented (it would end the
 *       line), so it is written as the two characters {@code \n} or {@code \r};</li>
 *   <li>a backslash in a name or tag value is kept as it is, except a run of backslashes with an odd
 *       length that ends the text or stands before an escaped character: it gets one more backslash,
 *       or it would escape the delimiter that follows and break the line.</li>
 * </ul>
 * Integers carry the {@code i} suffix; floats are written so that they always parse as floats; NaN and
 * infinities are left out because InfluxDB cannot store them.
 */
final class LineProtocol {

    private LineProtocol() {
    }

    /** A point that cannot be written as line protocol at all. */
    static final class UnencodableException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnencodableException(String message) {
            super(message);
        }
    }

    /**
     * Appends one line (with its trailing newline).
     *
     * @param tags tag keys in the order to write them (sorted is best for InfluxDB); empty values are skipped
     * @param fields Long/Integer → integer, Double/Float → float, Boolean, String
     * @param timestamp in the units of the write's precision
     * @throws UnencodableException when no line can represent the point; nothing is appended then
     */
    static void appendLine(StringBuilder out, String measurement, Map<String, String> tags,
            Map<String, ?> fields, long timestamp) {
        int start = out.length();
        try {
            if (measurement == null || measurement.isEmpty()) {
                throw new UnencodableException("empty measurement name");
            }
            if (measurement.charAt(0) == '#') {
                // A line starting with '#' is a comment to every InfluxDB parser.
                throw new UnencodableException("measurement '" + measurement + "' starts with '#'");
            }
            appendName(out, measurement, false);
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                String value = tag.getValue();
                if (value == null || value.isEmpty()) {
                    continue;
                }
                requireKey(tag.getKey(), "tag", measurement);
                out.append(',');
                appendName(out, tag.getKey(), true);
                out.append('=');
                appendName(out, value, true);
            }
            out.append(' ');
            boolean first = true;
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                Object value = field.getValue();
                if (value == null || !writable(value)) {
                    continue;
                }
                requireKey(field.getKey(), "field", measurement);
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendName(out, field.getKey(), true);
                out.append('=');
                appendValue(out, value);
            }
            if (first) {
                throw new UnencodableException("point '" + measurement + "' has no field InfluxDB can store");
            }
            out.append(' ').append(timestamp).append('\n');
        } catch (UnencodableException e) {
            out.setLength(start);
            throw e;
        }
    }

    private static void requireKey(String key, String what, String measurement) {
        if (key == null || key.isEmpty()) {
            throw new UnencodableException("point '" + measurement + "' has an empty " + what + " key");
        }
    }

    private static boolean writable(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        return value instanceof Number || value instanceof Boolean || value instanceof String;
    }

    /** The line-protocol type name InfluxDB reports for a field value ("integer", "float", ...). */
    static String typeName(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof Number) {
            return "integer";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "string";
    }

    static void appendValue(StringBuilder out, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue()).append('i');
        } else if (value instanceof Double || value instanceof Float) {
            appendFloat(out, ((Number) value).doubleValue());
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Number n) {
            // BigInteger, AtomicLong...: InfluxDB integers are 64-bit.
            out.append(n.longValue()).append('i');
        } else {
            appendString(out, value.toString());
        }
    }

    /**
     * A float InfluxDB parses as a float: whole numbers get no {@code i}, so "3" would also do, but
     * Java's "3.0" and "1.0E-5" are both valid line protocol and shortest-exact.
     */
    private static void appendFloat(StringBuilder out, double value) {
        if (value == (long) value && Math.abs(value) < 1e15) {
            // The common case (counts in MB, percentages); skips Double.toString's slow path.
            out.append((long) value);
            return;
        }
        out.append(Double.toString(value));
    }

    private static void appendString(StringBuilder out, String value) {
        out.append('"');
        int n = value.length();
        int plainFrom = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append(value, plainFrom, i).append('\\').append(c);
                plainFrom = i + 1;
            }
        }
        out.append(value, plainFrom, n).append('"');
    }

    /** Measurement ({@code equalsEscaped} false), tag key, tag value or field key. */
    static void appendName(StringBuilder out, String name, boolean equalsEscaped) {
        int n = name.length();
        int i = 0;
        while (i < n && !special(name.charAt(i), equalsEscaped) && name.charAt(i) != '\\') {
            i++;
        }
        if (i == n) {
            out.append(name);
            return;
        }
        out.append(name, 0, i);
        while (i < n) {
            char c = name.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case ',', ' ' -> out.append('\\').append(c);
                case '=' -> {
                    if (equalsEscaped) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                case '\\' -> {
                    int end = i;
                    while (end < n && name.charAt(end) == '\\') {
                        end++;
                    }
                    out.append(name, i, end);
                    boolean exposed = end == n || special(name.charAt(end), equalsEscaped);
                    if (exposed && (end - i) % 2 == 1) {
                        // An odd run would pair its last backslash with the next delimiter or escape.
                        out.append('\\');
                    }
                    i = end - 1;
                }
                default -> out.append(c);
            }
            i++;
        }
    }

    /** Characters written with a leading backslash in names and tag values. */
    private static boolean special(char c, boolean equalsEscaped) {
        return c == ',' || c == ' ' || c == '\n' || c == '\r' || (equalsEscaped && c == '=');
    }
}
