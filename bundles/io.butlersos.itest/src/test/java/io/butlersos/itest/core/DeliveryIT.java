package io.butlersos.itest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sink.DeliveryMonitor;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkException;
import io.butlersos.api.sink.SinkStatus;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.RecordingSink;
import io.butlersos.itest.TestSignal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The delivery core in a real framework: retries, isolation between sinks, and a full queue. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class DeliveryIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    DeliveryMonitor monitor;

    @InjectService
    ConfigurationAdmin admin;

    @BeforeEach
    void fastCore() throws Exception {
        CoreSettings.fast(admin);
    }

    private void publish(String type, long from, long to) {
        LongStream.range(from, to).forEach(n -> publisher.publish(new TestSignal(type, n)));
    }

    private SinkStatus status(String name) throws InterruptedException {
        return Await.value("delivery counters of " + name, () -> monitor.sinks().stream()
                .filter(s -> s.sinkName().equals(name)).findFirst().orElse(null));
    }

    @Test
    void aSinkThatFailsRetriablyThenSucceedsLosesNothingAndKeepsOrder() throws Exception {
        RecordingSink flaky = new RecordingSink() {
            @Override
            protected void beforeWrite(int call, List<Signal> batch) throws SinkException {
                if (call <= 4) {
                    throw SinkException.retriable("target unavailable (test)", null);
                }
            }
        };
        ServiceRegistration<Sink> reg = flaky.register(context, "flaky", "itest.retry", Sink.BATCH_SIZE, 10);
        try {
            publish("itest.retry", 0, 200);
            Await.until("all 200 delivered to the flaky sink", () -> flaky.written.size() >= 200);
            assertEquals(LongStream.range(0, 200).boxed().toList(), flaky.numbers());
            assertEquals(4, status("flaky").retries());
            assertEquals(0, status("flaky").droppedTotal());
        } finally {
            reg.unregister();
        }
    }

    @Test
    void aSinkThatHangsDoesNotSlowAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink hanging = new RecordingSink() {
            @Override
            protected void beforeWrite(int call, List<Signal> batch) throws InterruptedException {
                release.await();
            }
        };
        RecordingSink healthy = new RecordingSink();
        ServiceRegistration<Sink> hangingReg = hanging.register(context, "hanging", "itest.hang");
        ServiceRegistration<Sink> healthyReg = healthy.register(context, "healthy", "itest.hang");
        try {
            publish("itest.hang", 0, 10);
            Await.until("the hanging sink to be stuck in its first write", () -> hanging.calls.get() == 1);
            // While the first sink hangs, the second keeps receiving, batch after batch.
            for (int round = 1; round <= 5; round++) {
                publish("itest.hang", round * 10L, round * 10L + 10);
                long expected = round * 10L + 10;
                Await.until("healthy sink to get " + expected, () -> healthy.written.size() == expected);
            }
            assertEquals(1, hanging.calls.get());
            assertTrue(hanging.written.isEmpty());
            release.countDown();
            Await.until("the hanging sink to catch up", () -> hanging.written.size() == 60);
            assertEquals(LongStream.range(0, 60).boxed().toList(), hanging.numbers());
        } finally {
            release.countDown();
            hangingReg.unregister();
            healthyReg.unregister();
        }
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsEachDrop() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingSink blocked = new RecordingSink() {
            @Override
            protected void beforeWrite(int call, List<Signal> batch) throws InterruptedException {
                entered.countDown();
                release.await();
            }
        };
        ServiceRegistration<Sink> reg = blocked.register(context, "blocked", "itest.full", Sink.BUFFER_LIMIT, 10,
                Sink.BATCH_SIZE, 1);
        try {
            publish("itest.full", 0, 1);
            assertTrue(entered.await(15, TimeUnit.SECONDS), "the first write started");
            publish("itest.full", 1, 101);
            SinkStatus status = status("blocked");
            assertEquals(90L, status.dropped().get(SinkStatus.DROP_QUEUE_FULL));
            assertEquals(10, status.queueSize());
            release.countDown();
            Await.until("the 11 kept signals to arrive", () -> blocked.written.size() == 11);
            // The first was already being written; of the rest only the newest ten were kept.
            assertEquals(LongStream.concat(LongStream.of(0), LongStream.range(91, 101)).boxed().toList(),
                    blocked.numbers());
        } finally {
            release.countDown();
            reg.unregister();
        }
    }

    @Test
    void deliveryCountersArePublishedAsSignals() throws Exception {
        RecordingSink counters = new RecordingSink();
        ServiceRegistration<Sink> reg = counters.register(context, "counters", SinkStatus.TYPE);
        try {
            Await.until("an agent.sink signal naming the counters sink", () -> {
                synchronized (counters.written) {
                    return counters.written.stream().anyMatch(s -> s instanceof SinkStatus st
                            && st.sinkName().equals("counters") && st.origin().equals("itest"));
                }
            });
        } finally {
            reg.unregister();
        }
    }
}
