package io.butlersos.sink.mqtt.internal;

import java.util.List;
import java.util.Map;

import io.butlersos.api.json.Json;

/**
 * JSON indented by two spaces, as JavaScript's {@code JSON.stringify(value, null, 2)} writes it; Butler
 * SOS published the proxy's session list this way. Takes maps, lists, strings, numbers and booleans.
 */
final class PrettyJson {

    private PrettyJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "\n" : ",\n");
                first = false;
                indent(out, depth + 1);
                Json.appendString(out, String.valueOf(entry.getKey()));
                out.append(": ");
                append(out, entry.getValue(), depth + 1);
            }
            out.append('\n');
            indent(out, depth);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "\n" : ",\n");
                first = false;
                indent(out, depth + 1);
                append(out, item, depth + 1);
            }
            out.append('\n');
            indent(out, depth);
            out.append(']');
        } else {
            Json.append(out, value);
        }
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }
}
