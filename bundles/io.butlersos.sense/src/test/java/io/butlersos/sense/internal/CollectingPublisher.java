package io.butlersos.sense.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.PollResult;
import io.butlersos.api.sense.ProxySessions;

/** Keeps what was published, and waits for conditions with a deadline (no sleeps as assertions). */
final class CollectingPublisher implements SignalPublisher {

    final ConcurrentLinkedQueue<Signal> signals = new ConcurrentLinkedQueue<>();

    @Override
    public void publish(Signal signal) {
        signals.add(signal);
    }

    List<HealthSample> health(String server) {
        return signals.stream().filter(s -> s instanceof HealthSample h && h.origin().equals(server))
                .map(HealthSample.class::cast).toList();
    }

    List<ProxySessions> sessions(String server) {
        return signals.stream().filter(s -> s instanceof ProxySessions p && p.origin().equals(server))
                .map(ProxySessions.class::cast).toList();
    }

    List<PollResult> polls(String server) {
        return signals.stream().filter(s -> s instanceof PollResult p && p.origin().equals(server))
                .map(PollResult.class::cast).toList();
    }

    List<ErrorSignal> errors(String server) {
        return signals.stream().filter(s -> s instanceof ErrorSignal e && e.serverName().equals(server))
                .map(ErrorSignal.class::cast).toList();
    }

    ErrorSignal awaitError(String server, Predicate<ErrorSignal> matching) throws InterruptedException {
        await("an error signal for " + server, Duration.ofSeconds(15),
                () -> errors(server).stream().anyMatch(matching));
        return errors(server).stream().filter(matching).findFirst().orElseThrow();
    }

    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + within.toMillis() + " ms waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
