package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.butlersos.api.Signal;
import io.butlersos.api.sink.SinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code write.concurrency}: a large batch goes out as several requests at once, and nothing is lost or doubled. */
class InfluxSinkConcurrencyTest {

    private static final Instant T = Instant.parse("2026-11-29T08:15:30Z");

    private FakeInfluxServer server;
    private final RecordingPublisher publisher = new RecordingPublisher();
    private InfluxSink sink;

    @BeforeEach
    void start() throws Exception {
        server = FakeInfluxServer.v2();
    }

    @AfterEach
    void stop() {
        if (sink != null) {
            sink.close();
        }
        server.close();
    }

    private InfluxSink sink(Object... overrides) {
        Object[] base = {"version", 2, "url", server.url(), "org", "myorg", "bucket", "mybucket",
            "_token", FakeInfluxServer.TOKEN, "write_timeout_ms", 5_000L};
        sink = new InfluxSink(Configs.influx(base, overrides), () -> publisher, "agent1");
        return sink;
    }

    /** {@code n} event counts, one millisecond apart, counter = index. */
    private static List<Signal> batch(int n) {
        List<Signal> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(new TestSignals.EventCount(T.plusMillis(i), "agent1", "qseow-engine", i));
        }
        return batch;
    }

    @Test
    void byDefaultABatchOfAtLeastTwiceTheMinimumGoesOutAsTwoRequestsThatTogetherCarryEveryPointOnce() throws Exception {
        sink().write(batch(2500));

        assertThat(server.requests).hasSize(2);
        assertThat(server.requests).extracting(r -> r.body().lines().count()).containsExactlyInAnyOrder(1250L, 1250L);
        assertThat(server.stored).hasSize(2500);
        assertThat(server.stored).extracting(l -> l.fields().get("counter")).doesNotHaveDuplicates();
        assertThat(server.stored).extracting(LineProtocolParser.Line::timestamp).doesNotHaveDuplicates();
    }

    @Test
    void theRequestsAreInFlightAtTheSameTime() throws Exception {
        // Each request waits until the other has arrived too; sent one after the other, neither would.
        CountDownLatch bothArrived = new CountDownLatch(2);
        AtomicInteger metOther = new AtomicInteger();
        server.responder = request -> {
            bothArrived.countDown();
            try {
                if (bothArrived.await(4, TimeUnit.SECONDS)) {
                    metOther.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeInfluxServer.Reply.of(204, "");
        };

        sink().write(batch(2000));

        assertThat(metOther).hasValue(2);
    }

    @Test
    void oneRequestWhenConcurrencyIsOneOrTheBatchIsBelowTwiceTheMinimum() throws Exception {
        sink("write_concurrency", 1).write(batch(2500));
        assertThat(server.requests).hasSize(1);
        sink.close();

        sink().write(batch(2 * InfluxSink.MIN_POINTS_PER_REQUEST - 1));
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(1).body().lines().count()).isEqualTo(1999L);
    }

    @Test
    void splitsIntoAtMostTheConfiguredNumberOfRequestsOfAtLeastTheMinimumEach() throws Exception {
        sink("write_concurrency", 8).write(batch(3500));

        assertThat(server.requests).hasSize(3);
        assertThat(server.requests).allSatisfy(r -> assertThat(r.body().lines().count())
                .isGreaterThanOrEqualTo(InfluxSink.MIN_POINTS_PER_REQUEST));
        assertThat(server.stored).hasSize(3500);
    }

    @Test
    void whenOnePartIsRefusedTheWholeBatchIsSentAgainAsOneRequestAndTheRefusedSignalIsNamed() {
        // The server cannot parse the line of signal 1700 (in the second half) and writes the rest.
        String bad = "counter=1700 ";
        server.responder = request -> {
            String refused = request.body().lines().filter(l -> l.contains(bad))
                    .map(l -> "unable to parse '" + l + "': bad timestamp").reduce("", String::concat);
            return refused.isEmpty() ? FakeInfluxServer.Reply.of(204, "")
                    : FakeInfluxServer.Reply.of(400, io.butlersos.api.json.Json.write(Map.of("code", "invalid",
                            "message", "partial write error: " + refused)));
        };
        InfluxSink s = sink();

        assertThatThrownBy(() -> s.write(batch(2000))).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.kind()).isEqualTo(SinkException.Kind.PERMANENT);
            assertThat(e.rejectedIndices()).containsExactly(1700);
            assertThat(e.getMessage()).contains("refused 1 of 2000 points");
        });
        assertThat(server.requests).hasSize(3);
        assertThat(server.requests.get(2).body().lines().count()).isEqualTo(2000L);
        assertThat(s.refusedPoints()).isEqualTo(1);
    }

    @Test
    void whenOnePartFailsTheRetryWritesTheSameTimestampsSoNothingIsDoubled() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FakeInfluxServer.Reply busy = FakeInfluxServer.Reply.of(500, "{\"code\":\"internal error\",\"message\":\"x\"}");
        List<String> firstBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.responder = request -> {
            // The first two (parallel) requests: one taken, one failing; then the whole batch fails too.
            int n = calls.incrementAndGet();
            firstBodies.add(request.body());
            return n == 1 ? FakeInfluxServer.Reply.of(204, "") : busy;
        };
        InfluxSink s = sink();
        List<Signal> batch = batch(2000);

        assertThatThrownBy(() -> s.write(batch)).isInstanceOfSatisfying(SinkException.class,
                e -> assertThat(e.isRetriable()).isTrue());
        assertThat(server.requests).hasSize(3);

        server.responder = null;
        server.requests.clear();
        s.write(batch);
        // The core's retry: the same lines, timestamps included, as in the failed attempt.
        List<String> retried = server.requests.stream().flatMap(r -> r.body().lines()).sorted().toList();
        List<String> first = firstBodies.subList(0, 2).stream().flatMap(String::lines).sorted().toList();
        assertThat(retried).isEqualTo(first);
        assertThat(server.stored).hasSize(2000);
    }

    @Test
    void aConcurrencyOutsideOneToEightIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> sink("write_concurrency", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write.concurrency must be between 1 and 8");
        assertThatThrownBy(() -> sink("write_concurrency", 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write.concurrency");
    }
}
