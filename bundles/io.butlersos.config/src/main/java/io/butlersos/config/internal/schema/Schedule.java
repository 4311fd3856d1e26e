package io.butlersos.config.internal.schema;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the later.js text schedules Butler SOS uses for its heartbeat and uptime monitor ("every 15
 * minutes", "every 1 hour", "every hour"). Only fixed intervals are understood; a calendar schedule
 * ("at 10:15 am") is refused with a message rather than guessed.
 */
public final class Schedule {

    private static final Pattern EVERY = Pattern.compile(
            "every\\s+(\\d+\\s*)?(s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?)", Pattern.CASE_INSENSITIVE);

    private Schedule() {
    }

    /** The interval in seconds, or empty when the text is not a fixed interval. */
    public static Optional<Long> seconds(String text) {
        Matcher m = EVERY.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long count = m.group(1) == null ? 1 : Long.parseLong(m.group(1).trim());
        if (count < 1 || count > 1_000_000) {
            return Optional.empty();
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT).charAt(0)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3_600;
            default -> 86_400;
        };
        return Optional.of(count * unit);
    }
}
