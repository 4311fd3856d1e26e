package io.butlersos.api.events;

/**
 * How many events of one kind arrived from one place in one interval.
 *
 * @param eventType {@code log} or {@code user}
 * @param source e.g. {@code qseow-engine}, {@code qseow-proxy-session}; {@code Unknown} for unrecognised datagrams
 * @param host the Sense node, {@code Unknown} when not known
 * @param subsystem the logger of a log event; the origin (e.g. {@code AppAccess}) of a user event, as in Butler SOS
 * @param level the log level (empty for user events); not a tag of Butler SOS's point, kept for other outputs
 * @param counter events in the interval
 */
public record EventCount(String eventType, String source, String host, String subsystem, String level,
        long counter) {
}
