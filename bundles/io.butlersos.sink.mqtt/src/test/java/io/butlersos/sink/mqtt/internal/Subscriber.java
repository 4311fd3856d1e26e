package io.butlersos.sink.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A Paho subscriber in the test: records every message it receives. */
final class Subscriber implements AutoCloseable {

    record Received(String topic, String payload, int qos, boolean retained) {
    }

    private final MqttClient client;
    final List<Received> received = new CopyOnWriteArrayList<>();

    private Subscriber(MqttClient client) {
        this.client = client;
    }

    static Subscriber connect(String url, String filter) throws MqttException {
        return connect(url, filter, "test-sub-" + System.nanoTime(), true, null, null, null);
    }

    /** @param cleanSession false keeps the subscription and queued messages across a broker restart (with persistence) */
    static Subscriber connect(String url, String filter, String clientId, boolean cleanSession, String user,
            String password, javax.net.SocketFactory socketFactory) throws MqttException {
        MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
        Subscriber subscriber = new Subscriber(client);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(500);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        if (socketFactory != null) {
            options.setSocketFactory(socketFactory);
        }
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                subscriber.received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.getQos(), message.isRetained()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(options);
        client.subscribe(filter, 1);
        return subscriber;
    }

    List<Received> on(String topic) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.topic().equals(topic)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Waits until the condition holds on what was received, or fails after the timeout. */
    void await(String what, int seconds, Predicate<List<Received>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.test(received)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + seconds + " s: " + what + "; received " + received.size()
                        + " message(s) on " + received.stream().map(Received::topic).distinct().limit(20).toList());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
