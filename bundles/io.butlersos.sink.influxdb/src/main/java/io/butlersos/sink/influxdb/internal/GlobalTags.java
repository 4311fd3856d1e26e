package io.butlersos.sink.influxdb.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Parses the {@code tags} configuration: entries of {@code key=value}. A {@code .cfg} file gives one
 * string, so entries may also be separated by commas ({@code tags = env=prod, site=oslo}).
 */
final class GlobalTags {

    private GlobalTags() {
    }

    static Map<String, String> parse(String[] entries) {
        Map<String, String> tags = new TreeMap<>();
        if (entries == null) {
            return tags;
        }
        for (String list : entries) {
            if (list == null) {
                continue;
            }
            for (String raw : list.split(",")) {
                String entry = raw.trim();
                if (entry.isEmpty()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                if (eq <= 0 || eq == entry.length() - 1) {
                    throw new IllegalArgumentException("tags entry '" + entry + "' must look like key=value");
                }
                tags.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        return tags;
    }
}
