package io.butlersos.appenders.internal;

import java.util.List;
import java.util.Set;

/**
 * Where Sense must send: the address and the two UDP ports, plus what the operator should know
 * about them (a receiver that only listens on loopback, is not configured, or refuses a source).
 *
 * @param remoteAddress the address the Sense nodes send to
 * @param logPort the log-event port (9996)
 * @param userPort the user-event port (9997)
 * @param notes sentences for every file, written as XML comments; empty when all is well
 * @param refusedSources log sources the receiver does not accept: {@code engine}, {@code qix.perf},
 *        {@code proxy}, {@code repository}, {@code scheduler}, and {@code user} when user events are off
 */
record Receivers(String remoteAddress, int logPort, int userPort, List<String> notes, Set<String> refusedSources) {

    Receivers {
        notes = List.copyOf(notes);
        refusedSources = Set.copyOf(refusedSources);
    }
}
