package io.butlersos.api.events;

/** Where the time of an event came from. */
public enum TimeSource {
    /** The ISO timestamp with offset that Sense wrote ({@code %longIso8601date}). */
    SENSE_ISO,
    /** Sense's local timestamp ({@code %date}), read in the agent's configured Sense time zone. */
    SENSE_LOCAL,
    /** No usable Sense timestamp (or a message type that carries none): the time the datagram arrived. */
    RECEIVED
}
