package io.butlersos.logging.internal;

import java.nio.file.Path;

/** The one logback setup of this bundle, shared by the activator (defaults) and the configuration component. */
final class Logging {

    private static volatile LogbackSetup setup;
    private static volatile Path dir;
    private static volatile String defaultLevel;

    private Logging() {
    }

    static void init(LogbackSetup logback, Path logDir, String rootLevel) {
        dir = logDir;
        defaultLevel = rootLevel;
        setup = logback;
    }

    /** The setup, or null when slf4j is not bound to logback (e.g. in tests with slf4j-simple). */
    static LogbackSetup setup() {
        return setup;
    }

    static Path dir() {
        return dir;
    }

    static LogSettings defaults() {
        return LogSettings.defaults(dir, defaultLevel);
    }

    static void clear() {
        setup = null;
    }
}
