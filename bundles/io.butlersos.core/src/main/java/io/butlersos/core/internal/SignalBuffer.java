package io.butlersos.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.butlersos.api.Signal;

/**
 * The bounded queue in front of one sink. Adding never blocks: when it is full the oldest signal
 * makes room and is counted. The worker takes batches, waiting up to the linger time for a batch to fill.
 */
final class SignalBuffer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Signal> items = new ArrayDeque<>();
    private int capacity;
    private int wanted;          // how many the waiting worker wants before it wakes early; 0 = none waiting
    private long droppedOldest;
    private boolean flushing;   // set once, before a clean stop: no more lingering
    private int inHand;         // signals of the batch the worker took and has not finished with

    SignalBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a signal; returns true when an older one had to be dropped to make room. */
    boolean add(Signal signal) {
        lock.lock();
        try {
            boolean dropped = false;
            if (items.size() >= capacity) {
                items.pollFirst();
                droppedOldest++;
                dropped = true;
            }
            items.addLast(signal);
            if (wanted > 0 && items.size() >= wanted) {
                wanted = 0;
                notEmpty.signal();
            }
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Puts signals back at the head, oldest first, as if they had never been taken. */
    void returnToHead(List<Signal> signals) {
        lock.lock();
        try {
            for (int i = signals.size() - 1; i >= 0; i--) {
                items.addFirst(signals.get(i));
            }
            trim();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least one signal is there (at most {@code maxWaitNanos}), then up to {@code lingerMs}
     * more for {@code batchSize} of them, and takes what is there up to {@code batchSize}.
     */
    List<Signal> takeBatch(int batchSize, long lingerMs, long maxWaitNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long wait = maxWaitNanos;
            while (items.isEmpty()) {
                if (wait <= 0) {
                    return List.of();
                }
                wanted = 1;
                wait = notEmpty.awaitNanos(wait);
            }
            long linger = TimeUnit.MILLISECONDS.toNanos(lingerMs);
            while (items.size() < batchSize && linger > 0 && !flushing) {
                wanted = batchSize;
                linger = notEmpty.awaitNanos(linger);
            }
            wanted = 0;
            int n = Math.min(batchSize, items.size());
            List<Signal> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(items.pollFirst());
            }
            inHand = n;
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Changes the limit; shrinking drops the oldest beyond it, counted. */
    void resize(int newCapacity) {
        lock.lock();
        try {
            capacity = newCapacity;
            trim();
        } finally {
            lock.unlock();
        }
    }

    private void trim() {
        while (items.size() > capacity) {
            items.pollFirst();
            droppedOldest++;
        }
    }

    /** The worker is done with the batch it took: written, refused, or given back with {@link #returnToHead}. */
    void batchDone() {
        lock.lock();
        try {
            inHand = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Signals not yet written: waiting here, and in the batch the worker holds. */
    int pending() {
        lock.lock();
        try {
            return items.size() + inHand;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        lock.lock();
        try {
            return capacity;
        } finally {
            lock.unlock();
        }
    }

    long droppedOldest() {
        lock.lock();
        try {
            return droppedOldest;
        } finally {
            lock.unlock();
        }
    }

    /**
     * From now on batches are taken without lingering for more, and a worker lingering now stops
     * waiting: used to hand everything over before the agent stops.
     */
    void flush() {
        lock.lock();
        try {
            flushing = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a waiting worker without adding anything (used when stopping). */
    void wakeUp() {
        lock.lock();
        try {
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
