package io.butlersos.api.events;

import java.util.Optional;

/** The Sense service a log datagram on port 9996 came from, by its wire prefix. */
public enum LogSource {
    ENGINE("qseow-engine"),
    PROXY("qseow-proxy"),
    REPOSITORY("qseow-repository"),
    SCHEDULER("qseow-scheduler"),
    QIX_PERF("qseow-qix-perf");

    private static final LogSource[] ALL = values();

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
        // Runs for every datagram: compares in place, without lower-casing, cutting or values()'s copy.
        int from = 0;
        int to = text.length();
        if (to > 2 && text.charAt(0) == '/' && text.charAt(to - 1) == '/') {
            from = 1;
            to--;
        }
        for (LogSource source : ALL) {
            String label = source.label;
            if (label.length() == to - from && text.regionMatches(true, from, label, 0, label.length())) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
