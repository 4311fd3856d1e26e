package io.butlersos.sense.internal;

import java.time.Clock;
import java.time.Instant;

/**
 * Spaces the first polls of servers that start together, at most {@code rate} servers a second.
 *
 * <p>Why: at start-up every configured server needs two new mutual-TLS connections, and a handshake
 * costs milliseconds of CPU on a JVM that has not compiled its TLS code yet. Hundreds of servers
 * started in the same second queue at the {@link ConnectionGate} for many seconds, and their first
 * polls answer late. Started at a rate the machine can handshake, the first round answers as fast as
 * the later ones, and since each server keeps its phase, every later round stays spread over the
 * interval too, so neither the agent nor Sense sees bursts. A small site notices nothing: at the
 * default of 25 a second, ten servers have started within 0.4 s.
 */
final class StartPacer {

    private final Clock clock;
    private int rate;
    private Instant nextFree = Instant.MIN;

    /** @param rate servers a second; 0 or less starts every server at once */
    StartPacer(int rate, Clock clock) {
        this.rate = rate;
        this.clock = clock;
    }

    /** Takes the next start slot: when the caller's first poll is due (now, or later when others came first). */
    synchronized Instant nextSlot() {
        Instant now = clock.instant();
        if (rate <= 0) {
            return now;
        }
        Instant slot = nextFree.isAfter(now) ? nextFree : now;
        nextFree = slot.plusNanos(1_000_000_000L / rate);
        return slot;
    }

    /** Applies to slots taken from now on; slots already handed out keep their time. */
    synchronized void setRate(int newRate) {
        rate = newRate;
    }

    synchronized int rate() {
        return rate;
    }
}
