package io.butlersos.sink.influxdb.internal;

import java.util.Map;
import java.util.TreeMap;

/** Parses the {@code tags} configuration: entries of {@code key=value}. */
final class GlobalTags {

    private GlobalTags() {
    }

    static Map<String, String> parse(String[] entries) {
        Map<String, String> tags = new TreeMap<>();
        if (entries == null) {
            return tags;
        }
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("tags entry '" + entry + "' must look like key=value");
            }
            tags.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return tags;
    }
}
