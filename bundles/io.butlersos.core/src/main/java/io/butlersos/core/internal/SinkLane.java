package io.butlersos.core.internal;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkException;
import io.butlersos.api.sink.SinkStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the core keeps for one sink instance: its queue, its worker thread and its counters.
 * A lane outlives the sink service it serves, so a sink that is reconfigured or redeployed finds its
 * backlog waiting. Only the lane's worker calls {@link Sink#write}, so writes never overlap.
 */
final class SinkLane {

    private static final Logger LOG = LoggerFactory.getLogger(SinkLane.class);
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final String id;
    private final ScheduledExecutorService timer;
    private final SignalBuffer buffer;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final Object attachLock = new Object();
    private final Thread worker;

    private volatile LaneSettings settings;
    private volatile Sink sink;
    private volatile Object attachedBy;   // the service identity the sink came from
    private volatile long detachedSince = System.nanoTime();
    private volatile boolean running = true;

    SinkLane(String id, LaneSettings settings, ScheduledExecutorService timer) {
        this.id = id;
        this.settings = settings;
        this.timer = timer;
        this.buffer = new SignalBuffer(settings.bufferLimit());
        this.worker = new Thread(this::run, "butlersos-sink-" + settings.name());
        this.worker.setDaemon(true);
        this.worker.start();
    }

    String id() {
        return id;
    }

    boolean accepts(String type) {
        return settings.types().accepts(type);
    }

    void offer(Signal signal) {
        buffer.add(signal);
    }

    void attach(Sink newSink, Object identity, LaneSettings newSettings) {
        synchronized (attachLock) {
            applySettings(newSettings);
            sink = newSink;
            attachedBy = identity;
            attachLock.notifyAll();
        }
    }

    void applySettings(LaneSettings newSettings) {
        settings = newSettings;
        buffer.resize(newSettings.bufferLimit());
    }

    /** Detaches the sink if it is the one attached; the backlog stays. */
    boolean detach(Object identity) {
        synchronized (attachLock) {
            if (!Objects.equals(attachedBy, identity)) {
                return false;
            }
            sink = null;
            attachedBy = null;
            detachedSince = System.nanoTime();
            return true;
        }
    }

    boolean isAttached() {
        return sink != null;
    }

    boolean isAttachedTo(Object identity) {
        return Objects.equals(attachedBy, identity);
    }

    /** Nanoseconds since the sink went away, or 0 while one is attached. */
    long detachedNanos() {
        return sink == null ? System.nanoTime() - detachedSince : 0;
    }

    int backlog() {
        return buffer.size();
    }

    /** Queued signals and those of the batch being written. */
    int pending() {
        return buffer.pending();
    }

    SinkStatus status(String origin) {
        return counters.snapshot(origin, id, settings, isAttached(), buffer.droppedOldest(), buffer.size(),
                buffer.capacity());
    }

    /**
     * Before a clean stop: hands everything queued to the attached sink at once, without lingering for
     * fuller batches, and waits until it is written or {@code deadlineNanos} (a {@link System#nanoTime()}
     * value) has passed. A sink that keeps failing keeps its backlog; the caller reports it.
     *
     * @return true when nothing is left
     */
    boolean drain(long deadlineNanos) throws InterruptedException {
        buffer.flush();
        while (isAttached() && buffer.pending() > 0 && System.nanoTime() < deadlineNanos) {
            Thread.sleep(5);
        }
        return buffer.pending() == 0;
    }

    void stop() {
        running = false;
        synchronized (attachLock) {
            attachLock.notifyAll();
        }
        buffer.wakeUp();
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                LaneSettings current = settings;
                List<Signal> batch = buffer.takeBatch(current.batchSize(), current.lingerMs(), IDLE_POLL_NANOS);
                if (!batch.isEmpty()) {
                    try {
                        deliver(batch);
                    } finally {
                        buffer.batchDone();
                    }
                }
            }
        } catch (InterruptedException e) {
            // stopping
        } catch (RuntimeException | Error e) {
            LOG.error("Delivery to sink '{}' stopped unexpectedly", settings.name(), e);
        }
    }

    /**
     * Writes one batch until it is delivered or refused for good, keeping order: nothing newer is
     * written before it. A batch the target finds too large is split in halves.
     */
    private void deliver(List<Signal> batch) throws InterruptedException {
        Deque<List<Signal>> pending = new ArrayDeque<>();
        pending.push(batch);
        int attempt = 0;
        while (!pending.isEmpty()) {
            Sink target = awaitSink();
            if (target == null) {
                // Stopping: give the rest back so a later lane owner could still see it in the counts.
                pending.descendingIterator().forEachRemaining(buffer::returnToHead);
                return;
            }
            List<Signal> part = pending.peek();
            try {
                write(target, part);
                pending.pop();
                counters.recordSuccess(part.size());
                attempt = 0;
            } catch (SinkException e) {
                switch (e.kind()) {
                    case RETRIABLE -> {
                        counters.retries.increment();
                        counters.recordError(e.getMessage());
                        long delay = Backoff.delayMillis(attempt++, settings.retryInitialMs(),
                                settings.retryMaxMs(), e.retryAfter());
                        logRetry(e, attempt, delay);
                        pause(delay);
                    }
                    case PERMANENT -> {
                        pending.pop();
                        int refused = e.rejectedIndices().length == 0 ? part.size() : e.rejectedIndices().length;
                        counters.rejected.add(refused);
                        if (refused < part.size()) {
                            counters.recordSuccess(part.size() - refused);
                        }
                        counters.recordError(e.getMessage());
                        LOG.warn("Sink '{}' refused {} of {} signals for good: {}", settings.name(), refused,
                                part.size(), e.getMessage());
                        attempt = 0;
                    }
                    case BATCH_TOO_LARGE -> {
                        pending.pop();
                        if (part.size() == 1) {
                            counters.tooLarge.increment();
                            counters.recordError(e.getMessage());
                            LOG.warn("Sink '{}' refused a single signal as too large: {}", settings.name(),
                                    e.getMessage());
                        } else {
                            int half = part.size() / 2;
                            pending.push(part.subList(half, part.size()));
                            pending.push(part.subList(0, half));
                        }
                    }
                }
            } catch (InterruptedException e) {
                if (!running) {
                    pending.descendingIterator().forEachRemaining(buffer::returnToHead);
                    throw e;
                }
            }
        }
    }

    /** One write under the deadline; an overrun becomes a retriable failure. */
    private void write(Sink target, List<Signal> part) throws SinkException, InterruptedException {
        long start = System.nanoTime();
        WriteDeadline deadline = new WriteDeadline(timer, settings.writeTimeoutMs());
        try {
            target.write(Collections.unmodifiableList(part));
        } catch (InterruptedException | SinkException e) {
            if (deadline.expired()) {
                throw timeout(e);
            }
            throw e;
        } catch (RuntimeException e) {
            // A bug in a sink must not lose the batch; it is retried like an outage, and logged with its trace.
            LOG.error("Sink '{}' failed with an unexpected exception", settings.name(), e);
            throw SinkException.retriable("unexpected " + e, e);
        } finally {
            counters.recordWrite(System.nanoTime() - start);
            deadline.close();
        }
        if (deadline.expired()) {
            // The write finished by itself just after the alarm; it counts as delivered.
            LOG.debug("Sink '{}' finished a write just past its deadline", settings.name());
        }
    }

    private SinkException timeout(Exception cause) {
        counters.timeouts.increment();
        return SinkException.retriable("write took longer than " + settings.writeTimeoutMs() + " ms", cause);
    }

    private void logRetry(SinkException e, int attempt, long delay) {
        // First failure and then every tenth, so a long outage does not flood the log.
        if (attempt == 1 || attempt % 10 == 0) {
            LOG.warn("Sink '{}' write failed (attempt {}), retrying in {} ms: {}", settings.name(), attempt,
                    delay, e.getMessage());
        }
    }

    private Sink awaitSink() throws InterruptedException {
        synchronized (attachLock) {
            while (running && sink == null) {
                attachLock.wait(1_000);
            }
            return running ? sink : null;
        }
    }

    /** Sleeps for the back-off; a newly attached sink (redeployed, reconfigured) ends it early. */
    private void pause(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        Object before = attachedBy;
        synchronized (attachLock) {
            long left;
            while (running && Objects.equals(attachedBy, before) && (left = until - System.currentTimeMillis()) > 0) {
                attachLock.wait(left);
            }
        }
    }
}
