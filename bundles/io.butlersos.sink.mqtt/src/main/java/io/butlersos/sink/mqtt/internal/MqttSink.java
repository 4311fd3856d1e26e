package io.butlersos.sink.mqtt.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each batch and waits, within the publish timeout, until the broker acknowledged every
 * message (QoS 1/2) or it was written to the socket (QoS 0). A write that cannot finish (not connected,
 * connection lost, timeout) throws {@link SinkException#retriable}: the core keeps the batch and writes it
 * again, so a message may arrive twice but none accepted is lost. Nothing is queued here.
 */
final class MqttSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSink.class);

    private final String name;
    private final String target;
    private final MessageMapper mapper;
    private final DeliveryRules rules;
    private final BrokerConnection connection;
    private final ErrorReporter errors;
    private final long publishTimeoutMs;
    private final int maxInflight;

    MqttSink(String name, String target, MessageMapper mapper, DeliveryRules rules, BrokerConnection connection,
            ErrorReporter errors, long publishTimeoutMs, int maxInflight) {
        this.name = name;
        this.target = target;
        this.mapper = mapper;
        this.rules = rules;
        this.connection = connection;
        this.errors = errors;
        this.publishTimeoutMs = publishTimeoutMs;
        this.maxInflight = maxInflight;
    }

    void start() {
        connection.start();
    }

    BrokerConnection connectionForTest() {
        return connection;
    }

    boolean isConnected() {
        return connection.isConnected();
    }

    String problem() {
        return connection.problem();
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public void write(List<Signal> batch) throws SinkException, InterruptedException {
        if (!connection.isConnected()) {
            throw fail("not connected to " + target + ": " + connection.problem(), null);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(publishTimeoutMs);
        Deque<IMqttDeliveryToken> pending = new ArrayDeque<>();
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Signal signal = batch.get(i);
            List<OutgoingMessage> messages;
            try {
                messages = mapper.map(signal);
            } catch (RuntimeException e) {
                // A signal that cannot be rendered will not render on a retry either.
                LOG.warn("MQTT sink '{}' refuses a {} signal from {}: {}", name, signal.type(), signal.origin(), e.toString());
                refused.add(i);
                continue;
            }
            int qos = rules.qos(signal.type());
            boolean retain = rules.retain(signal.type());
            for (OutgoingMessage outgoing : messages) {
                while (pending.size() >= maxInflight) {
                    awaitOldest(pending, deadline);
                }
                MqttMessage message = new MqttMessage(outgoing.payloadBytes());
                message.setQos(qos);
                message.setRetained(retain);
                try {
                    pending.add(connection.client().publish(outgoing.topic(), message));
                } catch (MqttException e) {
                    throw fail("publishing to " + target + " failed: " + MqttProblems.describe(e), e);
                } catch (IllegalArgumentException e) {
                    // Paho's topic check; sanitising should make this impossible, so say so loudly.
                    LOG.warn("MQTT sink '{}' refuses topic '{}': {}", name, outgoing.topic(), e.getMessage());
                    refused.add(i);
                }
            }
        }
        while (!pending.isEmpty()) {
            awaitOldest(pending, deadline);
        }
        errors.succeeded();
        if (!refused.isEmpty()) {
            throw SinkException.partial(refused.size() + " signal(s) could not be turned into MQTT messages", refused);
        }
    }

    private void awaitOldest(Deque<IMqttDeliveryToken> pending, long deadline) throws SinkException, InterruptedException {
        IMqttDeliveryToken token = pending.peekFirst();
        long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMs <= 0 && !token.isComplete()) {
            throw fail("the broker " + target + " did not acknowledge " + pending.size() + " message(s) within "
                    + publishTimeoutMs + " ms", null);
        }
        try {
            token.waitForCompletion(Math.max(1, leftMs));
        } catch (MqttException e) {
            if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                throw new InterruptedException("MQTT write interrupted at its deadline");
            }
            String why = e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT
                    ? "the broker " + target + " did not acknowledge " + pending.size() + " message(s) within "
                            + publishTimeoutMs + " ms"
                    : "publishing to " + target + " failed: " + MqttProblems.describe(e);
            throw fail(why, e);
        }
        pending.removeFirst();
    }

    private SinkException fail(String message, Throwable cause) {
        errors.failed(message, cause);
        return SinkException.retriable(message, cause);
    }

    void close() {
        connection.close();
    }
}
