package io.butlersos.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkException;
import io.butlersos.api.sink.SinkStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class SignalRouterTest {

    record Numbered(String type, long n) implements Signal {
        Numbered(long n) {
            this("test.numbered", n);
        }
        @Override public Instant time() { return Instant.EPOCH; }
        @Override public String origin() { return "test"; }
        @Override public List<Point> toPoints() { return List.of(); }
    }

    /** Records what it was given; its behaviour per call is set by the test. */
    static class RecordingSink implements Sink {
        final List<Signal> written = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void write(List<Signal> batch) throws SinkException, InterruptedException {
            calls.incrementAndGet();
            before(batch);
            batchSizes.add(batch.size());
            written.addAll(batch);
        }

        void before(List<Signal> batch) throws SinkException, InterruptedException {
        }
    }

    private SignalRouter router;
    private long nextServiceId = 1;

    @BeforeEach
    void start() {
        router = new SignalRouter();
        router.activate(TestConfigs.core(Map.of("linger_ms", 5L, "retry_initial_ms", 10L, "retry_max_ms", 50L,
                "stats_interval_s", 3600L)));
    }

    @AfterEach
    void stop() {
        router.deactivate();
    }

    private Map<String, Object> bind(Sink sink, String pid, Object... props) {
        Map<String, Object> map = new HashMap<>();
        map.put(Constants.SERVICE_ID, nextServiceId++);
        map.put(Constants.SERVICE_PID, pid);
        map.put(Sink.NAME, pid);
        for (int i = 0; i < props.length; i += 2) {
            map.put((String) props[i], props[i + 1]);
        }
        router.bindSink(sink, map);
        return map;
    }

    private void publish(int from, int to) {
        IntStream.range(from, to).forEach(i -> router.publish(new Numbered(i)));
    }

    private static List<Signal> numbered(int from, int to) {
        return IntStream.range(from, to).<Signal>mapToObj(Numbered::new).toList();
    }

    private SinkStatus status(String id) {
        return router.sinks().stream().filter(s -> s.sinkId().equals(id)).findFirst().orElseThrow();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void retriableFailuresLoseNothingAndKeepOrder() throws Exception {
        RecordingSink sink = new RecordingSink() {
            @Override
            void before(List<Signal> batch) throws SinkException {
                if (calls.get() <= 3) {
                    throw SinkException.retriable("target down", null);
                }
            }
        };
        bind(sink, "flaky", Sink.BATCH_SIZE, 7);
        publish(0, 100);
        await(() -> sink.written.size() == 100);
        assertThat(sink.written).containsExactlyElementsOf(numbered(0, 100));
        assertThat(status("flaky").retries()).isEqualTo(3);
        assertThat(status("flaky").delivered()).isEqualTo(100);
        assertThat(status("flaky").droppedTotal()).isZero();
    }

    @Test
    void aHangingSinkDoesNotDelayAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink hanging = new RecordingSink() {
            @Override
            void before(List<Signal> batch) throws InterruptedException {
                release.await();
            }
        };
        RecordingSink fast = new RecordingSink();
        bind(hanging, "hanging");
        bind(fast, "fast");
        publish(0, 50);
        await(() -> hanging.calls.get() == 1);
        await(() -> fast.written.size() == 50);
        assertThat(hanging.written).isEmpty();
        assertThat(hanging.calls.get()).isEqualTo(1);
        release.countDown();
        await(() -> hanging.written.size() == 50);
        assertThat(hanging.written).containsExactlyElementsOf(numbered(0, 50));
    }

    @Test
    void aWritePastItsDeadlineIsInterruptedAndRetried() throws Exception {
        RecordingSink slowOnce = new RecordingSink() {
            @Override
            void before(List<Signal> batch) throws InterruptedException {
                if (calls.get() == 1) {
                    Thread.sleep(60_000);
                }
            }
        };
        bind(slowOnce, "slow", Sink.WRITE_TIMEOUT_MS, 100L);
        publish(0, 10);
        await(() -> slowOnce.written.size() == 10);
        assertThat(slowOnce.written).containsExactlyElementsOf(numbered(0, 10));
        assertThat(status("slow").timeouts()).isEqualTo(1);
        assertThat(status("slow").retries()).isEqualTo(1);
    }

    @Test
    void rejectedSignalsAreDroppedAndCountedTheRestDelivered() throws Exception {
        RecordingSink picky = new RecordingSink() {
            @Override
            public void write(List<Signal> batch) throws SinkException {
                calls.incrementAndGet();
                written.addAll(batch.subList(1, batch.size()));
                throw SinkException.partial("first point is bad", List.of(0));
            }
        };
        bind(picky, "picky", Sink.BATCH_SIZE, 5);
        publish(0, 10);
        await(() -> status("picky").dropped().get(SinkStatus.DROP_REJECTED) == 2);
        assertThat(status("picky").delivered()).isEqualTo(8);
        assertThat(picky.written).hasSize(8);
    }

    @Test
    void aBatchTooLargeIsSplitInHalvesInOrder() throws Exception {
        RecordingSink small = new RecordingSink() {
            @Override
            void before(List<Signal> batch) throws SinkException {
                if (batch.size() > 3) {
                    throw SinkException.batchTooLarge("413");
                }
            }
        };
        bind(small, "small", Sink.BATCH_SIZE, 16, Sink.LINGER_MS, 200L);
        publish(0, 16);
        await(() -> small.written.size() == 16);
        assertThat(small.written).containsExactlyElementsOf(numbered(0, 16));
        assertThat(small.batchSizes).allMatch(n -> n <= 3);
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsEachDrop() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink blocked = new RecordingSink() {
            @Override
            void before(List<Signal> batch) throws InterruptedException {
                entered.countDown();
                release.await();
            }
        };
        bind(blocked, "blocked", Sink.BUFFER_LIMIT, 5);
        publish(0, 1);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        publish(1, 21);
        assertThat(status("blocked").dropped().get(SinkStatus.DROP_QUEUE_FULL)).isEqualTo(15);
        assertThat(status("blocked").queueSize()).isEqualTo(5);
        release.countDown();
        await(() -> blocked.written.size() == 6);
        assertThat(blocked.written).containsExactlyElementsOf(
                List.of(new Numbered(0), new Numbered(16), new Numbered(17), new Numbered(18), new Numbered(19),
                        new Numbered(20)));
    }

    @Test
    void sinksOnlyGetTheTypesTheyTake() throws Exception {
        RecordingSink logs = new RecordingSink();
        bind(logs, "logs", Sink.SIGNAL_TYPES, new String[] {"event.*"});
        router.publish(new Numbered("sense.health", 1));
        router.publish(new Numbered("event.log", 2));
        await(() -> logs.written.size() == 1);
        Thread.sleep(50);
        assertThat(logs.written).containsExactly(new Numbered("event.log", 2));
    }

    @Test
    void onACleanStopASinkWritesWhatIsQueuedForItBeforeItGoes() throws Exception {
        RecordingSink sink = new RecordingSink();
        // Without the drain these would wait a minute for a fuller batch.
        Map<String, Object> props = bind(sink, "io.butlersos.sink.file~stopping", Sink.LINGER_MS, 60_000L,
                Sink.BATCH_SIZE, 1000);
        publish(0, 10);
        router.frameworkStopping = () -> true;

        router.unbindSink(sink, props);

        assertThat(sink.written).containsExactlyElementsOf(numbered(0, 10));
    }

    @Test
    void aSinkThatKeepsFailingHoldsACleanStopOnlyUntilTheDrainDeadlineAndKeepsItsBacklog() throws Exception {
        router.modified(TestConfigs.core(Map.of("linger_ms", 5L, "retry_initial_ms", 10L, "retry_max_ms", 50L,
                "stats_interval_s", 3600L, "stop_drain_s", 1L)));
        RecordingSink sink = new RecordingSink() {
            @Override
            void before(List<Signal> batch) throws SinkException {
                throw SinkException.retriable("output down", null);
            }
        };
        Map<String, Object> props = bind(sink, "io.butlersos.sink.file~down");
        publish(0, 5);
        await(() -> sink.calls.get() > 0);
        router.frameworkStopping = () -> true;

        router.unbindSink(sink, props);

        assertThat(sink.written).isEmpty();
        router.frameworkStopping = () -> false;
        RecordingSink back = new RecordingSink();
        bind(back, "io.butlersos.sink.file~down");
        await(() -> back.written.size() == 5);
        assertThat(back.written).containsExactlyElementsOf(numbered(0, 5));
    }

    @Test
    void withoutAStopAGoingSinkIsNotDrained() throws Exception {
        RecordingSink sink = new RecordingSink();
        Map<String, Object> props = bind(sink, "io.butlersos.sink.file~leaving", Sink.LINGER_MS, 60_000L,
                Sink.BATCH_SIZE, 1000);
        publish(0, 10);

        router.unbindSink(sink, props);

        assertThat(sink.written).isEmpty();
        assertThat(status("io.butlersos.sink.file~leaving").queueSize()).isEqualTo(10);
    }

    @Test
    void aSinkThatComesBackWithTheSameIdGetsItsBacklog() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink first = new RecordingSink() {
            @Override
            void before(List<Signal> batch) throws SinkException, InterruptedException {
                release.await();
                throw SinkException.retriable("going away", null);
            }
        };
        Map<String, Object> firstProps = bind(first, "io.butlersos.sink.file~main");
        publish(0, 20);
        router.unbindSink(first, firstProps);
        release.countDown();
        publish(20, 30);
        RecordingSink second = new RecordingSink();
        bind(second, "io.butlersos.sink.file~main");
        await(() -> second.written.size() == 30);
        assertThat(second.written).containsExactlyElementsOf(numbered(0, 30));
        assertThat(router.sinks()).hasSize(1);
    }

    @Test
    void publishesDeliveryCountersAsSignals() throws Exception {
        RecordingSink counters = new RecordingSink();
        bind(counters, "counters", Sink.SIGNAL_TYPES, SinkStatus.TYPE);
        router.modified(TestConfigs.core(Map.of("linger_ms", 5L, "stats_interval_s", 1L, "instance", "lab")));
        await(() -> !counters.written.isEmpty());
        SinkStatus status = (SinkStatus) counters.written.get(0);
        assertThat(status.sinkId()).isEqualTo("counters");
        assertThat(status.origin()).isEqualTo("lab");
        assertThat(status.toPoints().get(0).measurement()).isEqualTo("butlersos_sink");
    }

    @Test
    void aSinkWithABadPropertyIsNotServedAndOthersAre() throws Exception {
        RecordingSink bad = new RecordingSink();
        RecordingSink good = new RecordingSink();
        bind(bad, "bad", Sink.BATCH_SIZE, "lots");
        bind(good, "good");
        publish(0, 3);
        await(() -> good.written.size() == 3);
        assertThat(router.sinks()).extracting(SinkStatus::sinkId).containsExactly("good");
        assertThat(Duration.ofMillis(1)).isPositive();
    }

    @Test
    void aSinkBoundDuringStartUpGetsWhatWasPublishedBeforeIt() throws Exception {
        publish(0, 5);
        RecordingSink late = new RecordingSink();
        bind(late, "late");
        publish(5, 8);
        await(() -> late.written.size() == 8);
        assertThat(late.written).containsExactlyElementsOf(numbered(0, 8));
    }

    @Test
    void withoutAStartUpWindowALateSinkGetsOnlyWhatFollows() throws Exception {
        router.deactivate();
        router = new SignalRouter();
        router.activate(TestConfigs.core(Map.of("linger_ms", 5L, "startup_replay_s", 0L, "stats_interval_s", 3600L)));
        publish(0, 5);
        RecordingSink late = new RecordingSink();
        bind(late, "late");
        publish(5, 8);
        await(() -> late.written.size() == 3);
        Thread.sleep(50);
        assertThat(late.written).containsExactlyElementsOf(numbered(5, 8));
    }

    @Test
    void turningTheStartUpWindowOffLiveEndsIt() throws Exception {
        publish(0, 5);
        router.modified(TestConfigs.core(Map.of("linger_ms", 5L, "startup_replay_s", 0L, "stats_interval_s", 3600L)));
        RecordingSink late = new RecordingSink();
        bind(late, "late");
        publish(5, 6);
        await(() -> late.written.size() == 1);
        Thread.sleep(50);
        assertThat(late.written).containsExactly(new Numbered(5));
    }
}
