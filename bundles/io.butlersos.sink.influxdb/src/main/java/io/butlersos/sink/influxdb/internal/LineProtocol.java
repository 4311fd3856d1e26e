package io.butlersos.sink.influxdb.internal;

import java.util.Map;

/**
 * Writes InfluxDB line protocol: {@code measurement,tag=v field=1i,other="text" 1700000000000000000}.
 *
 * <p>Escaping follows what the InfluxDB parsers accept, which differ in one point, the backslash
 * ({@link Dialect}):
 * <ul>
 *   <li>measurement: comma and space are escaped with a backslash;</li>
 *   <li>tag keys, tag values and field keys: comma, equals sign and space;</li>
 *   <li>string field values: double quote and backslash; newlines stay as they are (inside quotes the
 *       parsers of 1.x, 2.x and 3.x keep them);</li>
 *   <li>a newline or carriage return (and, for 3.x, a tab) in a name or tag value cannot be represented
 *       (it would end the line), so it is stored as the two characters {@code \n}, {@code \r}, {@code \t};</li>
 *   <li>1.x and 2.x (Go parser): a backslash in a name or tag value is written as it is. The parser only
 *       unescapes {@code \,}, {@code \ } and {@code \=} and treats a delimiter after a backslash as
 *       text, so "LAB\joe" and "x\,y" arrive exactly. It refuses any name that ends in a backslash,
 *       however escaped ("invalid tag format"), so trailing backslashes are left out, and a tag whose
 *       value is nothing but backslashes is left out.</li>
 *   <li>3.x (Rust parser): it unescapes {@code \\} too, so every backslash is doubled and arrives
 *       exactly, trailing ones included.</li>
 * </ul>
 * Integers carry the {@code i} suffix; floats are written so that they always parse as floats; NaN and
 * infinities are left out because InfluxDB cannot store them.
 */
final class LineProtocol {

    /** How a server's parser reads backslashes in names and tag values. */
    enum Dialect {
        /** InfluxDB 1.x and 2.x. */
        GO,
        /** InfluxDB 3.x. */
        RUST;

        static Dialect of(int version) {
            return version == 3 ? RUST : GO;
        }
    }

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
        appendLine(out, Dialect.GO, measurement, tags, fields, timestamp);
    }

    static void appendLine(StringBuilder out, Dialect dialect, String measurement, Map<String, String> tags,
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
            String name = cleanName(measurement, dialect);
            if (name.isEmpty()) {
                throw new UnencodableException("measurement '" + measurement + "' is only backslashes");
            }
            appendName(out, name, false, dialect);
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                String value = cleanName(tag.getValue(), dialect);
                if (value.isEmpty()) {
                    continue;
                }
                String key = cleanName(tag.getKey(), dialect);
                requireKey(key, "tag", measurement);
                out.append(',');
                appendName(out, key, true, dialect);
                out.append('=');
                appendName(out, value, true, dialect);
            }
            out.append(' ');
            boolean first = true;
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                Object value = field.getValue();
                if (value == null || !writable(value)) {
                    continue;
                }
                String key = cleanName(field.getKey(), dialect);
                requireKey(key, "field", measurement);
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendName(out, key, true, dialect);
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

    /** InfluxDB 1.x/2.x cannot store a name that ends in a backslash (see the class comment). */
    static String cleanName(String text, Dialect dialect) {
        if (text == null) {
            return "";
        }
        if (dialect == Dialect.RUST) {
            return text;
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\\') {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
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
        // Copies the runs between escapes in one go; measured faster than String.replace on JDK 17.
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
    static void appendName(StringBuilder out, String name, boolean equalsEscaped, Dialect dialect) {
        int n = name.length();
        int i = 0;
        while (i < n && !needsCare(name.charAt(i), equalsEscaped, dialect)) {
            i++;
        }
        if (i == n) {
            out.append(name);
            return;
        }
        out.append(name, 0, i);
        // How a backslash that stands for itself is written: doubled for the Rust parser.
        String backslash = dialect == Dialect.RUST ? "\\\\" : "\\";
        for (; i < n; i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\n' -> out.append(backslash).append('n');
                case '\r' -> out.append(backslash).append('r');
                case '\t' -> {
                    if (dialect == Dialect.RUST) {
                        out.append(backslash).append('t');
                    } else {
                        out.append(c);
                    }
                }
                case ',', ' ' -> out.append('\\').append(c);
                case '=' -> {
                    if (equalsEscaped) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                case '\\' -> out.append(backslash);
                default -> out.append(c);
            }
        }
    }

    private static boolean needsCare(char c, boolean equalsEscaped, Dialect dialect) {
        return c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\\' || (equalsEscaped && c == '=')
                || (c == '\t' && dialect == Dialect.RUST);
    }
}
