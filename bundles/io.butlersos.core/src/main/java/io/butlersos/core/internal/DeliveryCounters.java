package io.butlersos.core.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import io.butlersos.api.sink.SinkStatus;

/** What happened to one sink's signals. Written by its worker, read by anyone. */
final class DeliveryCounters {

    final LongAdder delivered = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder tooLarge = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAccumulator maxWriteNanos = new LongAccumulator(Math::max, 0);
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile Instant lastErrorTime;

    void recordWrite(long nanos) {
        writeNanos.add(nanos);
        writes.increment();
        maxWriteNanos.accumulate(nanos);
    }

    void recordSuccess(int signals) {
        delivered.add(signals);
        batches.increment();
        lastSuccess = Instant.now();
    }

    void recordError(String message) {
        lastError = message;
        lastErrorTime = Instant.now();
    }

    SinkStatus snapshot(String origin, String id, LaneSettings settings, boolean attached,
            long droppedQueueFull, int queueSize, int queueCapacity) {
        long n = writes.sum();
        double avgMs = n == 0 ? 0.0 : writeNanos.sum() / 1e6 / n;
        return new SinkStatus(Instant.now(), origin, id, settings.name(), settings.target(), attached,
                delivered.sum(), batches.sum(), retries.sum(), timeouts.sum(),
                Map.of(SinkStatus.DROP_QUEUE_FULL, droppedQueueFull,
                        SinkStatus.DROP_REJECTED, rejected.sum(),
                        SinkStatus.DROP_TOO_LARGE, tooLarge.sum()),
                queueSize, queueCapacity, avgMs, maxWriteNanos.get() / 1e6,
                lastSuccess, lastError, lastErrorTime);
    }
}
