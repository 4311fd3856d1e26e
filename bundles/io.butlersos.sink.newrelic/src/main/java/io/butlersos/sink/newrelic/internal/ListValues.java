package io.butlersos.sink.newrelic.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * List attributes as they arrive from a {@code .cfg} file. FileInstall reads a file that mixes plain
 * and typed values as plain strings, so {@code log.levels = ["WARN","ERROR"]} arrives as one string;
 * such an entry is read here as the list it spells. Other entries are taken as they are.
 */
final class ListValues {

    private ListValues() {
    }

    static String[] of(String[] raw) {
        List<String> out = new ArrayList<>();
        for (String entry : raw == null ? new String[0] : raw) {
            String t = entry.trim();
            if (t.length() >= 2 && t.startsWith("[") && t.endsWith("]")) {
                out.addAll(quoted(t.substring(1, t.length() - 1)));
            } else if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out.toArray(String[]::new);
    }

    /** The double-quoted strings in {@code "a", "b\"c"}; anything between them is ignored. */
    private static List<String> quoted(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf('"', i)) >= 0) {
            StringBuilder value = new StringBuilder();
            i++;
            while (i < text.length() && text.charAt(i) != '"') {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    c = text.charAt(++i);
                }
                value.append(c);
                i++;
            }
            out.add(value.toString());
            i++;
        }
        return out;
    }
}
