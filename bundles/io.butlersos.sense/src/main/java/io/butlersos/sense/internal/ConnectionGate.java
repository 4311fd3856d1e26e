package io.butlersos.sense.internal;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Limits how many new connections (TCP connect, mutual-TLS handshake and the first answer) are under
 * way at once, across all polled servers. Requests beyond the limit wait in arrival order.
 *
 * <p>Why: at a cold start every server needs two new connections. Started all at once, hundreds of
 * handshakes share the CPU so evenly that none of them finishes within the request deadline and the
 * whole first tick fails; queued, they finish one after the other at the speed the machine allows.
 * Requests that reuse a pooled connection do not come here (see {@link ConnectionReuse}), so a hung
 * server waiting out its deadline in a slot only ever delays new connections, never warm polls.
 *
 * <p>A waiter may give up (its future completed or cancelled by the caller, e.g. by
 * {@code orTimeout}); the gate then passes it over and hands the slot to the next one.
 */
final class ConnectionGate {

    /** A held slot; releasing it twice is harmless. */
    interface Slot {
        void release();
    }

    /** For requests that need no slot: releasing it does nothing. */
    static final Slot NONE = () -> { };

    private final Executor handOver;
    private final ArrayDeque<CompletableFuture<Slot>> waiting = new ArrayDeque<>();
    private int limit;
    private int inUse;
    private int peakInUse;
    private long granted;

    /**
     * @param limit slots; 0 or less means no limit
     * @param handOver runs the hand-over of a freed slot to a waiter, so a waiter's follow-up (sending
     *        its request) does not run inside, and stack up on, the thread that released the slot
     */
    ConnectionGate(int limit, Executor handOver) {
        this.limit = limit;
        this.handOver = handOver;
    }

    /** Completes with a slot at once if one is free, otherwise when one is freed (first come, first served). */
    CompletableFuture<Slot> acquire() {
        CompletableFuture<Slot> waiter = new CompletableFuture<>();
        synchronized (this) {
            if (!hasRoom() || !waiting.isEmpty()) {
                waiting.add(waiter);
                return waiter;
            }
            take();
        }
        waiter.complete(new Held());
        return waiter;
    }

    /** Changes the limit; waiters get the slots a higher limit frees, a lower one takes effect as slots are released. */
    void setLimit(int newLimit) {
        synchronized (this) {
            limit = newLimit;
        }
        grantWhileRoom();
    }

    synchronized int limit() {
        return limit;
    }

    synchronized int inUse() {
        return inUse;
    }

    /** The most slots held at the same time so far. */
    synchronized int peakInUse() {
        return peakInUse;
    }

    /** Slots handed out so far: how many requests needed a new connection. */
    synchronized long granted() {
        return granted;
    }

    /** Requests waiting for a slot (including ones that gave up and were not passed over yet). */
    synchronized int waiting() {
        return waiting.size();
    }

    private boolean hasRoom() {
        return limit <= 0 || inUse < limit;
    }

    private void take() {
        inUse++;
        granted++;
        peakInUse = Math.max(peakInUse, inUse);
    }

    private void release() {
        synchronized (this) {
            inUse--;
        }
        grantWhileRoom();
    }

    /** Hands free slots to waiters in order, skipping those that gave up. */
    private void grantWhileRoom() {
        while (true) {
            CompletableFuture<Slot> next;
            synchronized (this) {
                if (!hasRoom()) {
                    return;
                }
                next = waiting.poll();
                while (next != null && next.isDone()) {
                    next = waiting.poll();
                }
                if (next == null) {
                    return;
                }
                take();
            }
            CompletableFuture<Slot> waiter = next;
            Held slot = new Held();
            Runnable give = () -> {
                if (!waiter.complete(slot)) {
                    slot.release(); // it gave up in the meantime: the slot goes to the next one
                }
            };
            try {
                handOver.execute(give);
            } catch (RejectedExecutionException e) {
                give.run(); // shutting down
            }
        }
    }

    private final class Held implements Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                ConnectionGate.this.release();
            }
        }
    }
}
