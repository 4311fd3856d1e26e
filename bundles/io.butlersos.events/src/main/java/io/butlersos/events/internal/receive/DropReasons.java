package io.butlersos.events.internal.receive;

/** The names drops are counted under (the {@code messages_dropped_<reason>} fields). */
public final class DropReasons {
    /** The sender is not on the allow-list. */
    public static final String SOURCE_DENIED = "source_denied";
    /** The sender's token bucket was empty. */
    public static final String RATE_LIMIT = "rate_limit";
    /** Larger than the maximum datagram size. */
    public static final String SIZE = "size";
    /** The hand-off to the parsers was full (by count or by bytes). */
    public static final String QUEUE_FULL = "queue_full";
    /** The handler threw; a bug, logged with its stack trace. */
    public static final String HANDLER_ERROR = "handler_error";
    /** A log source that is switched off. */
    public static final String SOURCE_DISABLED = "source_disabled";
    /** A QIX performance event while the performance monitor is off. */
    public static final String QIX_PERF_DISABLED = "qix_perf_disabled";
    /** A QIX performance event the filters turned away (also in the rejected-event counts). */
    public static final String QIX_PERF_FILTERED = "qix_perf_filtered";
    /** A categorisation rule with action {@code drop}. */
    public static final String RULE = "rule";
    /** A user on the user exclude list. */
    public static final String EXCLUDED_USER = "excluded_user";

    private DropReasons() {
    }
}
