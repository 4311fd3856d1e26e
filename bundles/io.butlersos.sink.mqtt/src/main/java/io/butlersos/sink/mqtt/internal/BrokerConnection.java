package io.butlersos.sink.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.butlersos.api.tls.TlsUnavailableException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Paho client connected: connects in the background, and after a failed attempt or a lost
 * connection tries again after a growing delay ({@link ReconnectBackoff}). Paho's own automatic
 * reconnect is not used, since it does not cover a first connection that fails. On every connection
 * the retained status topic says {@code online}; the last will says {@code offline} when the agent
 * vanishes, and a clean stop says it too. Nothing is queued here: while disconnected, publishing fails.
 */
final class BrokerConnection implements MqttCallbackExtended {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);
    static final String ONLINE = "online";
    static final String OFFLINE = "offline";
    private static final long WATCHDOG_MS = 1_000;

    /** Builds the connect options per attempt; may fail when the TLS material cannot be used. */
    interface OptionsFactory {
        MqttConnectOptions create() throws TlsUnavailableException;

        /** The generation of the TLS material the options are built from; see {@link TlsSource#generation()}. */
        default long tlsGeneration() {
            return 0;
        }
    }

    private final String name;
    private final MqttAsyncClient client;
    private final OptionsFactory options;
    private final String statusTopic;
    private final long connectWaitMs;
    private final ReconnectBackoff backoff;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean attemptScheduled = new AtomicBoolean();
    private volatile boolean closed;
    private volatile String problem = "not connected yet";
    private volatile long connectedGeneration;
    private String loggedProblem;

    BrokerConnection(String name, MqttAsyncClient client, OptionsFactory options, String statusTopic,
            long connectWaitMs, ReconnectBackoff backoff) {
        this.name = name;
        this.client = client;
        this.options = options;
        this.statusTopic = statusTopic;
        this.connectWaitMs = connectWaitMs;
        this.backoff = backoff;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "butlersos-mqtt-" + name);
            t.setDaemon(true);
            return t;
        });
        client.setCallback(this);
    }

    void start() {
        scheduleAttempt(0);
        // Paho reports a lost connection through connectionLost, but not every way a connection can end
        // (a forced disconnect, for one); this check runs between attempts on the same thread.
        scheduler.scheduleWithFixedDelay(this::watch, WATCHDOG_MS, WATCHDOG_MS, TimeUnit.MILLISECONDS);
    }

    private void watch() {
        if (closed) {
            return;
        }
        if (!client.isConnected()) {
            if (!attemptScheduled.get()) {
                scheduleAttempt(backoff.next());
            }
        } else if (options.tlsGeneration() != connectedGeneration) {
            // The certificate set was reloaded (renewed certificate, new CA): connect again with it, unless
            // the new files are unusable; then the working connection stays until they are fixed.
            long generation = options.tlsGeneration();
            try {
                options.create();
            } catch (TlsUnavailableException e) {
                LOG.warn("MQTT sink '{}': the certificate set changed but cannot be used ({}); keeping the current "
                        + "connection", name, e.getMessage());
                connectedGeneration = generation;
                return;
            }
            LOG.info("MQTT sink '{}': the certificate set changed; reconnecting with it", name);
            try {
                client.disconnect(1_000).waitForCompletion(3_000);
            } catch (MqttException e) {
                stopHalfOpenAttempt();
            }
            scheduleAttempt(0);
        }
    }

    MqttAsyncClient client() {
        return client;
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** Why the client is not connected, in one sentence; meaningful while {@link #isConnected()} is false. */
    String problem() {
        return problem;
    }

    String statusTopic() {
        return statusTopic;
    }

    private void scheduleAttempt(long delayMs) {
        if (closed || !attemptScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.schedule(this::attempt, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            attemptScheduled.set(false); // stopping
        }
    }

    private void attempt() {
        attemptScheduled.set(false);
        if (closed || client.isConnected()) {
            return;
        }
        MqttConnectOptions connectOptions;
        long generation = options.tlsGeneration();
        try {
            connectOptions = options.create();
        } catch (TlsUnavailableException e) {
            failed(e.getMessage());
            return;
        }
        try {
            IMqttToken token = client.connect(connectOptions);
            token.waitForCompletion(connectWaitMs);
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
                stopHalfOpenAttempt();
            }
            failed(MqttProblems.describe(e, client.getServerURI()));
            return;
        }
        connectedGeneration = generation;
        connected();
    }

    private void connected() {
        backoff.reset();
        problem = "";
        synchronized (this) {
            loggedProblem = null;
        }
        LOG.info("MQTT sink '{}' connected to {}", name, client.getCurrentServerURI());
        publishStatus(ONLINE);
    }

    private void failed(String why) {
        if (closed) {
            return; // an attempt cut short by close() is no failure worth a warning
        }
        problem = why;
        long delay = backoff.next();
        boolean changed;
        synchronized (this) {
            changed = !why.equals(loggedProblem);
            loggedProblem = why;
        }
        if (changed) {
            LOG.warn("MQTT sink '{}': {}; trying again in {} ms, then with growing delays", name, why, delay);
        } else {
            LOG.debug("MQTT sink '{}': {}; next attempt in {} ms", name, why, delay);
        }
        scheduleAttempt(delay);
    }

    /** A connect that outlived its wait may still be running inside Paho; end it before the next one. */
    private void stopHalfOpenAttempt() {
        try {
            client.disconnectForcibly(0, 100, false);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("MQTT sink '{}': ending a timed-out connect: {}", name, e.toString());
        }
    }

    private void publishStatus(String status) {
        try {
            MqttMessage message = new MqttMessage(status.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            message.setRetained(true);
            client.publish(statusTopic, message);
        } catch (MqttException e) {
            LOG.debug("MQTT sink '{}': status '{}' not published: {}", name, status, e.toString());
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        if (closed) {
            return;
        }
        String why = "lost the connection to " + client.getCurrentServerURI() + ": " + MqttProblems.describe(cause);
        LOG.warn("MQTT sink '{}' {}", name, why);
        problem = why;
        synchronized (this) {
            loggedProblem = null;
        }
        scheduleAttempt(backoff.next());
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // connected() does the work on the connecting thread, where a publish may block.
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // a publisher subscribes to nothing
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // writes wait for their tokens themselves
    }

    /** Says {@code offline} on the status topic when connected, then disconnects and frees the client. */
    void close() {
        closed = true;
        scheduler.shutdownNow();
        try {
            if (client.isConnected()) {
                MqttMessage message = new MqttMessage(OFFLINE.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                message.setRetained(true);
                client.publish(statusTopic, message).waitForCompletion(2_000);
                client.disconnect(1_000).waitForCompletion(3_000);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("MQTT sink '{}': clean disconnect failed: {}", name, e.toString());
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 100, false);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("MQTT sink '{}': forced disconnect failed: {}", name, e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("MQTT sink '{}': closing the client failed: {}", name, e.toString());
        }
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
