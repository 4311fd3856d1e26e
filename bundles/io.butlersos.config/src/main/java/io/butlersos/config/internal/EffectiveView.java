package io.butlersos.config.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.butlersos.config.internal.mapping.Desired;

/** The configurations a file produced, with secrets masked, as a map and as text for people. */
public final class EffectiveView {

    private EffectiveView() {
    }

    public static Map<String, Map<String, Object>> masked(List<Desired> configurations, Masking masking) {
        Map<String, Map<String, Object>> view = new LinkedHashMap<>();
        for (Desired desired : configurations) {
            Map<String, Object> properties = new TreeMap<>();
            desired.properties().forEach((key, value) -> properties.put(key, masking.mask(key, value)));
            view.put(desired.pid(), properties);
        }
        return view;
    }

    public static String render(String file, List<Desired> configurations, Masking masking, List<String> notices,
            List<String> problems) {
        StringBuilder out = new StringBuilder();
        out.append("# Effective configuration from ").append(file).append(" (secrets masked)\n");
        if (!problems.isEmpty()) {
            out.append("# Refused, the file has problems:\n");
            problems.forEach(p -> out.append("#   ").append(p).append('\n'));
        }
        Map<String, Map<String, Object>> view = masked(configurations, masking);
        for (Desired desired : configurations) {
            out.append('\n').append('[').append(desired.pid()).append("]  # from ").append(desired.origin()).append('\n');
            view.get(desired.pid()).forEach((key, value) -> out.append(key).append(" = ").append(text(value)).append('\n'));
        }
        if (!notices.isEmpty()) {
            out.append("\n# Not applied:\n");
            notices.forEach(n -> out.append("#   ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value instanceof String[] values) {
            return Arrays.stream(values).map(EffectiveView::quote).toList().toString();
        }
        return value instanceof String s ? quote(s) : String.valueOf(value);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
