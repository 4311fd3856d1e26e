package io.butlersos.sink.mqtt.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between connection attempts: the first delay, doubled per failure up to the cap, each less a
 * random part of up to a fifth, so agents that lost one broker together do not all return at once.
 */
final class ReconnectBackoff {

    private final long initialMs;
    private final long maxMs;
    private long current;

    ReconnectBackoff(long initialMs, long maxMs) {
        if (initialMs < 1 || maxMs < initialMs) {
            throw new IllegalArgumentException("reconnect.initial.ms (" + initialMs + ") must be at least 1 and "
                    + "at most reconnect.max.ms (" + maxMs + ")");
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.current = initialMs;
    }

    synchronized long next() {
        long delay = current;
        current = Math.min(maxMs, current * 2);
        long jitter = delay / 5 == 0 ? 0 : ThreadLocalRandom.current().nextLong(delay / 5 + 1);
        return Math.max(1, delay - jitter);
    }

    synchronized void reset() {
        current = initialMs;
    }
}
