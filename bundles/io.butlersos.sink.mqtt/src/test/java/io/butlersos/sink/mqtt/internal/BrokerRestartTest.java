package io.butlersos.sink.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkStatus;
import io.butlersos.core.internal.CoreHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker restarts while signals flow through the real delivery core: the sink reconnects on its own,
 * the core retries what the sink could not publish, and every signal accepted arrives.
 */
class BrokerRestartTest {

    private static final int SIGNALS = 300;

    @TempDir
    Path dir;

    @Test
    void nothingAcceptedIsLostWhenTheBrokerRestartsMidStream() throws Exception {
        MosquittoBroker.binary();
        // Persistence keeps the subscriber's session, so messages published before it is back wait for it.
        try (MosquittoBroker broker = MosquittoBroker.start(dir, "persistence true",
                "persistence_location " + dir + "/");
                Subscriber subscriber = Subscriber.connect(broker.url("tcp"), "qliksense/userevent", "restart-sub",
                        false, null, null, null);
                CoreHarness core = new CoreHarness(Map.of("linger_ms", 5L, "retry_initial_ms", 50L,
                        "retry_max_ms", 500L, "stats_interval_s", 3600L))) {
            MqttSink sink = MqttSinks.create(Configs.mqtt("broker_urls", new String[] {broker.url("tcp")},
                    "reconnect_initial_ms", 100L, "reconnect_max_ms", 500L, "publish_timeout_ms", 3_000L),
                    name -> Optional.empty(), () -> null, "testhost");
            sink.start();
            try {
                core.bind(sink, "io.butlersos.sink.mqtt~restart", Map.of(Sink.NAME, "mqtt",
                        Sink.SIGNAL_TYPES, new String[] {"event.user"}, Sink.BATCH_SIZE, 20));
                await("the sink connects", 15, sink::isConnected);

                publish(core, 0, SIGNALS / 3);
                broker.stop();
                await("the sink notices the broker is gone", 15, () -> !sink.isConnected());
                publish(core, SIGNALS / 3, 2 * SIGNALS / 3);
                broker.restart();
                publish(core, 2 * SIGNALS / 3, SIGNALS);

                subscriber.await("all " + SIGNALS + " user events arrive", 60, got -> distinct(subscriber).size() == SIGNALS);
                SinkStatus status = core.sinks().get(0);
                assertThat(status.dropped().values()).allMatch(n -> n == 0);
                assertThat(status.retries()).as("the core retried while the broker was down").isPositive();
            } finally {
                sink.close();
            }
        }
    }

    private static void publish(CoreHarness core, int from, int to) throws InterruptedException {
        for (int i = from; i < to; i++) {
            core.publish(Samples.userEvent("Start session", "m-" + i));
            Thread.sleep(2);
        }
    }

    private static Set<String> distinct(Subscriber subscriber) {
        Set<String> messages = new TreeSet<>();
        for (Subscriber.Received r : subscriber.received) {
            int at = r.payload().indexOf("\"message\":\"m-");
            messages.add(r.payload().substring(at + 11, r.payload().indexOf('"', at + 11)));
        }
        return messages;
    }

    private static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
