package io.butlersos.core.internal;

import java.util.ArrayDeque;

import io.butlersos.api.Signal;

/**
 * The signals published while the agent starts. Sources (a UDP receiver, the first poll) can be up
 * before the outputs are bound; a sink that arrives during the start-up window is first given what
 * it missed, so no event is lost to start-up order. Bounded: beyond the limit the oldest go.
 * Not thread-safe: the router guards it with its own lock.
 */
final class StartupReplay {

    private final ArrayDeque<Signal> kept = new ArrayDeque<>();
    private final int limit;
    private final long endsAtNanos;

    StartupReplay(int limit, long windowNanos) {
        this.limit = limit;
        this.endsAtNanos = System.nanoTime() + windowNanos;
    }

    boolean isOver() {
        return System.nanoTime() - endsAtNanos > 0;
    }

    void keep(Signal signal) {
        if (kept.size() >= limit) {
            kept.pollFirst();
        }
        kept.addLast(signal);
    }

    /** Hands a newly created lane everything it takes that was published before it existed, oldest first. */
    void replayTo(SinkLane lane) {
        for (Signal signal : kept) {
            if (lane.accepts(signal.type())) {
                lane.offer(signal);
            }
        }
    }
}
