package io.butlersos.sink.mqtt.internal;

import java.nio.charset.StandardCharsets;

/**
 * One MQTT message a signal turns into, before QoS and retain are chosen for its signal type.
 *
 * @param topic the full topic, already sanitised
 * @param payload the payload as UTF-8 text
 */
record OutgoingMessage(String topic, String payload) {

    byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
