package io.butlersos.sink.mqtt.internal;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;

/**
 * Turns failed writes into {@link ErrorSignal}s ({@code MQTT_PUBLISH}, as Butler SOS counted them), one
 * per change of failure state, so an outage of an hour is one signal and not one per retry; an error
 * signal routed back to this sink can therefore never grow into a loop.
 */
final class ErrorReporter {

    private final Supplier<SignalPublisher> publisher;
    private final Clock clock;
    private final String origin;
    private final String broker;
    private ErrorCategory state; // null while writes succeed

    ErrorReporter(Supplier<SignalPublisher> publisher, Clock clock, String origin, String broker) {
        this.publisher = publisher;
        this.clock = clock;
        this.origin = origin;
        this.broker = broker;
    }

    synchronized void succeeded() {
        state = null;
    }

    synchronized void failed(String message, Throwable cause) {
        ErrorCategory category = ErrorCategory.classify(cause, 0);
        if (category == ErrorCategory.UNKNOWN) {
            category = ErrorCategory.MQTT_ERROR;
        }
        if (category == state) {
            return; // the same outage, retried: one signal is enough
        }
        state = category;
        SignalPublisher target = publisher.get();
        if (target != null) {
            target.publish(new ErrorSignal(clock.instant(), origin, "MQTT_PUBLISH", "", "MQTT_SINK", category,
                    message, "", 0, Map.of("destination_host", broker)));
        }
    }
}
