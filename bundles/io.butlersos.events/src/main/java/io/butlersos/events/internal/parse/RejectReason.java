package io.butlersos.events.internal.parse;

/** Why a datagram did not become an event; each one is counted and logged with a sample. */
public enum RejectReason {
    /** Nothing but whitespace or control characters. */
    EMPTY("empty"),
    /** The first field is not one of the seven Sense prefixes (or belongs to the other port). */
    UNKNOWN_MESSAGE_TYPE("unknown_message_type"),
    /** Fewer fields than the layout of its message type: a truncated datagram or another appender pattern. */
    MISSING_FIELDS("missing_fields"),
    /** More fields than a layout without free text allows. */
    EXTRA_FIELDS("extra_fields");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    /** The name used in counters and logs. */
    public String label() {
        return label;
    }
}
