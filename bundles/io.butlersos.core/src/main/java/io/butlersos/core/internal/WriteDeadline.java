package io.butlersos.core.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts the worker when one write outlives its deadline. The interrupt can only hit the write it
 * was armed for: {@link #close()} disarms it under the same lock and clears a late interrupt.
 */
final class WriteDeadline implements AutoCloseable {

    private final Thread writer;
    private final ScheduledFuture<?> alarm;
    private boolean finished;
    private boolean expired;

    WriteDeadline(ScheduledExecutorService timer, long timeoutMs) {
        this.writer = Thread.currentThread();
        this.alarm = timer.schedule(this::expire, timeoutMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void expire() {
        if (!finished) {
            expired = true;
            writer.interrupt();
        }
    }

    synchronized boolean expired() {
        return expired;
    }

    @Override
    public synchronized void close() {
        finished = true;
        alarm.cancel(false);
        if (expired) {
            Thread.interrupted(); // the interrupt was ours, not a request to stop
        }
    }
}
