package io.butlersos.events.internal.parse;

import io.butlersos.api.Signal;

/** What a parser made of one datagram: an event, or a rejection with its reason. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Rejected {

    /** A datagram that became an event. */
    record Parsed(Signal event) implements ParseResult {
    }

    /**
     * A datagram that did not.
     *
     * @param reason why
     * @param messageType the prefix when it was recognised, else {@code Unknown}
     * @param host the Sense node when it could be told, else {@code Unknown}
     * @param detail one sentence for the log, e.g. "14 of 16 fields"
     * @param sample the first bytes, control characters escaped
     */
    record Rejected(RejectReason reason, String messageType, String host, String detail, String sample)
            implements ParseResult {
    }
}
