package io.butlersos.events.internal.receive;

/** What a receiver's parser workers do with each datagram: parse, enrich, publish. */
public interface DatagramHandler {

    /**
     * Handles one datagram. Returns null when it became an event (published, or kept back on purpose
     * and counted by the handler), otherwise the drop reason to count, e.g. {@code missing_fields}.
     * Must not throw; a throw is counted as {@code handler_error}.
     */
    String handle(Datagram datagram);
}
