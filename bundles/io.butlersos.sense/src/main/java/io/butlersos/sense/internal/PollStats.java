package io.butlersos.sense.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one poll kind of one server. */
final class PollStats {
    final AtomicLong started = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    /** Ticks skipped because the previous poll of the same server was still running. */
    final AtomicLong skipped = new AtomicLong();
    /** Duration of the last completed poll, in ms. */
    final AtomicLong lastDurationMs = new AtomicLong();

    @Override
    public String toString() {
        return "started=" + started + " ok=" + succeeded + " failed=" + failed + " skipped=" + skipped;
    }
}
