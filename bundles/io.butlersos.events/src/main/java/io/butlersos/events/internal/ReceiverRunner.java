package io.butlersos.events.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.events.internal.receive.DatagramHandler;
import io.butlersos.events.internal.receive.ReceiverSettings;
import io.butlersos.events.internal.receive.ReceiverStats;
import io.butlersos.events.internal.receive.UdpReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one receiver for a component: starts it, restarts it when the socket settings change, applies
 * the rest live, and publishes its metrics on an interval. A port that cannot be bound becomes a log
 * line and an error signal; the component stays up and tries to bind again (after 1 s, doubling to
 * 30 s) until it succeeds or the configuration changes, so a port held a moment longer by whatever had
 * it before (a previous agent still stopping) does not leave the receiver down for good.
 */
final class ReceiverRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverRunner.class);
    static final long FIRST_RETRY_MS = 1_000;
    static final long MAX_RETRY_MS = 30_000;

    /** How a receiver reports its metrics. */
    record MetricsSettings(boolean enabled, long intervalSeconds, String measurement, Map<String, String> tags) {
    }

    private final String queueType;
    private final String errorType;
    private final SignalPublisher publisher;
    private final DatagramHandler handler;
    private final ReceiverStats stats;
    private final String origin = hostName();
    private final ScheduledExecutorService timer;
    private UdpReceiver receiver;
    private ScheduledFuture<?> metricsTask;
    private ScheduledFuture<?> retryTask;
    private volatile MetricsSettings metrics;

    ReceiverRunner(String name, String errorType, SignalPublisher publisher, DatagramHandler handler,
            ReceiverStats stats) {
        this.queueType = name + "_events";
        this.errorType = errorType;
        this.publisher = publisher;
        this.handler = handler;
        this.stats = stats;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "butlersos-events-" + name + "-metrics");
            t.setDaemon(true);
            return t;
        });
    }

    synchronized void apply(ReceiverSettings settings, MetricsSettings newMetrics) {
        if (receiver != null && !receiver.settings().needsRestart(settings)) {
            try {
                receiver.applyLive(settings);
            } catch (IllegalArgumentException e) {
                fail("the new allow-list is refused, the previous one stays: " + e.getMessage(), e);
            }
        } else {
            cancelRetry();
            if (receiver != null) {
                receiver.close();
                receiver = null;
            }
            UdpReceiver next = new UdpReceiver(settings, handler, stats);
            try {
                next.start();
                receiver = next;
            } catch (IOException e) {
                next.close();
                fail(e.getMessage() + "; trying again in " + FIRST_RETRY_MS / 1000 + " s", e);
                scheduleRetry(settings, FIRST_RETRY_MS, 1);
            } catch (IllegalArgumentException e) {
                // A malformed setting: binding again cannot help; the next configuration change can.
                next.close();
                fail(e.getMessage(), e);
            }
        }
        this.metrics = newMetrics;
        if (metricsTask != null) {
            metricsTask.cancel(false);
        }
        long every = Math.max(1, newMetrics.intervalSeconds());
        metricsTask = timer.scheduleAtFixedRate(this::report, every, every, TimeUnit.SECONDS);
    }

    private void scheduleRetry(ReceiverSettings settings, long delayMs, int attempt) {
        retryTask = timer.schedule(() -> retry(settings, delayMs, attempt), delayMs, TimeUnit.MILLISECONDS);
    }

    private synchronized void retry(ReceiverSettings settings, long delayMs, int attempt) {
        if (retryTask == null || receiver != null) {
            return; // stopped, or applied anew meanwhile
        }
        retryTask = null;
        UdpReceiver next = new UdpReceiver(settings, handler, stats);
        try {
            next.start();
            receiver = next;
            LOG.info("{}: listening after {} attempt(s) to bind", queueType, attempt + 1);
        } catch (IOException | IllegalArgumentException e) {
            next.close();
            long nextDelay = Math.min(MAX_RETRY_MS, delayMs * 2);
            LOG.warn("{}: attempt {} to bind failed: {}; trying again in {} s", queueType, attempt + 1, e.getMessage(),
                    nextDelay / 1000);
            scheduleRetry(settings, nextDelay, attempt + 1);
        }
    }

    private void cancelRetry() {
        if (retryTask != null) {
            retryTask.cancel(false);
            retryTask = null;
        }
    }

    private void fail(String message, Exception e) {
        LOG.error("{}: {}", queueType, message);
        publisher.publish(new ErrorSignal(Instant.now(), origin, errorType, "", "UDP_SERVER",
                ErrorCategory.classify(e, 0), queueType + ": " + message, "", 0, Map.of()));
    }

    /** The receiver now running, or null when its port could not be bound. */
    synchronized UdpReceiver receiver() {
        return receiver;
    }

    private void report() {
        try {
            MetricsSettings m = metrics;
            UdpReceiver r = receiver();
            if (r == null || m == null) {
                return;
            }
            // Always read, so the next report covers only its own interval; publish only when wanted.
            var snapshot = r.interval(Instant.now(), origin, m.tags(), m.measurement(), queueType);
            if (m.enabled()) {
                publisher.publish(snapshot);
            }
        } catch (RuntimeException e) {
            LOG.error("{}: could not publish receiver metrics", queueType, e);
        }
    }

    /** Stops the receiver (switched off); {@link #apply} starts it again. */
    synchronized void stop() {
        cancelRetry();
        if (metricsTask != null) {
            metricsTask.cancel(false);
            metricsTask = null;
        }
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
    }

    /** Stops for good. */
    synchronized void close() {
        stop();
        timer.shutdownNow();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "butler-sos";
        }
    }
}
