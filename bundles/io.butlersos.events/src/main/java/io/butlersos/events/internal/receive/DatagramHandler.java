package io.butlersos.events.internal.receive;

/** What a receiver's parser workers do with each datagram: parse, enrich, publish. */
public interface DatagramHandler {

    /**
     * Handles one datagram. Returns null when it became a published event, otherwise the reason it
     * was not published, which the receiver counts as a drop (e.g. {@code missing_fields}, {@code rule}).
     * Must not throw; a throw is counted as {@code handler_error}.
     */
    String handle(Datagram datagram);
}
