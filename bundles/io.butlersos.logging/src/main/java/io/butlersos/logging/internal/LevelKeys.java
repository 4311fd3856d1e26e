package io.butlersos.logging.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads per-logger levels from a configuration: {@code levels} entries and {@code level.<logger>} keys. */
final class LevelKeys {

    static final String PREFIX = "level.";

    private LevelKeys() {
    }

    /**
     * The level per logger. {@code level.<logger>} keys win over {@code levels} entries for the same logger.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code logger=LEVEL} or has no valid level
     */
    static Map<String, String> read(String[] entries, Map<String, ?> properties) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("levels: '" + entry + "' is not logger=LEVEL");
            }
            String logger = entry.substring(0, eq).trim();
            levels.put(logger, LogSettings.level(entry.substring(eq + 1), "levels " + logger));
        }
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                levels.put(key.substring(PREFIX.length()), LogSettings.level(String.valueOf(value), key));
            }
        });
        return levels;
    }
}
