package io.butlersos.web.internal;

import java.time.Duration;

/**
 * A configured source that readiness expects to hear from.
 *
 * @param kind {@link #SENSE_SERVER} or {@link #UDP_RECEIVER}
 * @param name the Sense server name, or the receiver's queue type ({@code log_events})
 * @param pid the configuration that asks for it, for people
 * @param maxAge how old its last success may be
 */
record SourceExpectation(String kind, String name, String pid, Duration maxAge) {

    static final String SENSE_SERVER = "sense.server";
    static final String UDP_RECEIVER = "udp.receiver";
}
