package io.butlersos.logging.internal;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What logback should do, independent of where it came from (framework properties at start,
 * Config Admin later).
 *
 * @param dir the folder of the log file (crash dumps stay in the framework's log folder)
 * @param rootLevel level of loggers without their own
 * @param levels level per logger name
 * @param console whether lines go to standard output
 * @param file whether lines go to {@code dir/butler-sos.log}
 * @param maxFileSize roll-over size, logback syntax ({@code 10MB})
 * @param maxHistoryDays days of rolled files to keep
 * @param totalSizeCap bound of all rolled files, logback syntax
 */
public record LogSettings(Path dir, String rootLevel, Map<String, String> levels, boolean console, boolean file,
        String maxFileSize, int maxHistoryDays, String totalSizeCap) {

    /** The active log file's name inside {@link #dir()}. */
    public static final String FILE_NAME = "butler-sos.log";

    static final Set<String> LEVELS = Set.of("OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL");

    /** Quieter defaults for chatty loggers, overridable like any other. */
    static final Map<String, String> QUIET = Map.of(
            LogServiceForwarder.FRAMEWORK_EVENTS, "WARN",
            LogServiceForwarder.BUNDLE_EVENTS, "WARN",
            LogServiceForwarder.SERVICE_EVENTS, "WARN");

    public LogSettings {
        rootLevel = level(rootLevel, "root.level");
        LogbackSetup.size(maxFileSize, "file.max.size");
        LogbackSetup.size(totalSizeCap, "file.total.size.cap");
        if (maxHistoryDays < 0) {
            throw new IllegalArgumentException("file.max.history.days: " + maxHistoryDays + " is negative");
        }
        Map<String, String> merged = new LinkedHashMap<>(QUIET);
        levels.forEach((logger, level) -> merged.put(logger, level(level, "level." + logger)));
        levels = Collections.unmodifiableMap(merged);
    }

    /** The defaults, before Config Admin has spoken. */
    public static LogSettings defaults(Path dir, String rootLevel) {
        return new LogSettings(dir, rootLevel == null || rootLevel.isBlank() ? "INFO" : rootLevel, Map.of(), true, true,
                "10MB", 14, "1GB");
    }

    /** The active log file. */
    public Path logFile() {
        return dir.resolve(FILE_NAME);
    }

    /** A level name in upper case; anything else is refused with a message naming the key. */
    static String level(String value, String key) {
        String level = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if ("WARNING".equals(level)) {
            level = "WARN";
        }
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a level (use OFF, ERROR, WARN, INFO, DEBUG or TRACE)");
        }
        return level;
    }
}
