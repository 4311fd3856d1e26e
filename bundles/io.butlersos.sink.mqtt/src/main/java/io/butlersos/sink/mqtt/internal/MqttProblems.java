package io.butlersos.sink.mqtt.internal;

import javax.net.ssl.SSLException;

import org.eclipse.paho.client.mqttv3.MqttException;

/** One sentence for people about why talking to the broker failed, from Paho's reason codes and causes. */
final class MqttProblems {

    private MqttProblems() {
    }

    static String describe(MqttException e, String broker) {
        return switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION ->
                    broker + " refused the user name or password";
            case MqttException.REASON_CODE_NOT_AUTHORIZED ->
                    broker + " refused this client: not authorised (check user name, password or client certificate)";
            case MqttException.REASON_CODE_INVALID_CLIENT_ID -> broker + " refused the client id";
            case MqttException.REASON_CODE_BROKER_UNAVAILABLE -> broker + " says it is unavailable";
            case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION -> broker + " does not speak MQTT 3.1.1 or 3.1";
            case MqttException.REASON_CODE_CLIENT_TIMEOUT -> broker + " did not answer in time";
            default -> "cannot connect to " + broker + ": " + describe(e);
        };
    }

    /** The most telling message in the cause chain, with a hint for TLS problems. */
    static String describe(Throwable error) {
        if (error == null) {
            return "no reason given";
        }
        Throwable deepest = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS handshake failed (" + rootMessage(t) + ")";
            }
            deepest = t;
        }
        String message = deepest.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getMessage();
        }
        if (message != null && message.startsWith("WebSocket Response header")) {
            // Paho reads no status line: a 404 or a plain HTTP server shows up as a missing header.
            return "the server did not accept a WebSocket upgrade (" + message + "); check the path of the ws:// or "
                    + "wss:// URL (often /mqtt) and that this port is the broker's WebSocket listener";
        }
        if (message == null || message.isBlank()) {
            return deepest.getClass().getSimpleName();
        }
        return deepest == error ? message : message + " (" + deepest.getClass().getSimpleName() + ")";
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
