package io.butlersos.api.events;

import java.util.Locale;
import java.util.Optional;

/** The Sense service a log datagram on port 9996 came from, by its wire prefix. */
public enum LogSource {
    ENGINE("qseow-engine"),
    PROXY("qseow-proxy"),
    REPOSITORY("qseow-repository"),
    SCHEDULER("qseow-scheduler"),
    QIX_PERF("qseow-qix-perf");

    private final String label;

    LogSource(String label) {
        this.label = label;
    }

    /** The name Butler SOS writes to the {@code source} tag, e.g. {@code qseow-engine}. */
    public String label() {
        return label;
    }

    /** The wire prefix, e.g. {@code /qseow-engine/}. */
    public String prefix() {
        return "/" + label + "/";
    }

    /** The source whose label or wire prefix this is, case-insensitively. */
    public static Optional<LogSource> of(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        if (name.length() > 2 && name.startsWith("/") && name.endsWith("/")) {
            name = name.substring(1, name.length() - 1);
        }
        for (LogSource source : values()) {
            if (source.label.equals(name)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
