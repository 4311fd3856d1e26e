package io.butlersos.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import org.junit.jupiter.api.Test;

class SignalBufferTest {

    record Numbered(long n) implements Signal {
        @Override public String type() { return "test"; }
        @Override public Instant time() { return Instant.EPOCH; }
        @Override public String origin() { return "test"; }
        @Override public List<Point> toPoints() { return List.of(); }
    }

    @Test
    void dropsTheOldestWhenFullAndCountsEachDrop() throws InterruptedException {
        SignalBuffer buffer = new SignalBuffer(3);
        for (int i = 0; i < 5; i++) {
            buffer.add(new Numbered(i));
        }
        assertThat(buffer.droppedOldest()).isEqualTo(2);
        assertThat(buffer.takeBatch(10, 0, 0)).containsExactly(new Numbered(2), new Numbered(3), new Numbered(4));
    }

    @Test
    void takesAtMostTheBatchSizeInOrder() throws InterruptedException {
        SignalBuffer buffer = new SignalBuffer(10);
        for (int i = 0; i < 5; i++) {
            buffer.add(new Numbered(i));
        }
        assertThat(buffer.takeBatch(2, 0, 0)).containsExactly(new Numbered(0), new Numbered(1));
        assertThat(buffer.size()).isEqualTo(3);
    }

    @Test
    void returnsEmptyWhenNothingArrivesInTime() throws InterruptedException {
        assertThat(new SignalBuffer(1).takeBatch(1, 0, TimeUnit.MILLISECONDS.toNanos(5))).isEmpty();
    }

    @Test
    void wakesWhenTheBatchIsFullBeforeTheLingerEnds() throws Exception {
        SignalBuffer buffer = new SignalBuffer(10);
        buffer.add(new Numbered(0));
        Thread producer = new Thread(() -> {
            for (int i = 1; i < 4; i++) {
                buffer.add(new Numbered(i));
            }
        });
        producer.start();
        // A one-hour linger: the call can only return because the batch filled up.
        List<Signal> batch = buffer.takeBatch(4, TimeUnit.HOURS.toMillis(1), TimeUnit.SECONDS.toNanos(1));
        producer.join();
        assertThat(batch).hasSize(4);
    }

    @Test
    void returnedSignalsGoBackToTheHeadInOrder() throws InterruptedException {
        SignalBuffer buffer = new SignalBuffer(10);
        buffer.add(new Numbered(3));
        buffer.returnToHead(List.of(new Numbered(1), new Numbered(2)));
        assertThat(buffer.takeBatch(10, 0, 0)).containsExactly(new Numbered(1), new Numbered(2), new Numbered(3));
    }

    @Test
    void shrinkingDropsTheOldest() throws InterruptedException {
        SignalBuffer buffer = new SignalBuffer(5);
        for (int i = 0; i < 5; i++) {
            buffer.add(new Numbered(i));
        }
        buffer.resize(2);
        assertThat(buffer.droppedOldest()).isEqualTo(3);
        assertThat(buffer.takeBatch(10, 0, 0)).containsExactly(new Numbered(3), new Numbered(4));
    }
}
