package io.butlersos.sink.influxdb.internal;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;

/**
 * Turns this sink's failures into {@link ErrorSignal}s ({@code INFLUXDB_V<n>_WRITE}), one per change of
 * failure state: the first failure after a success, or a failure of another category. A long outage is
 * one signal, not one per retry. The signal goes through the publisher like any other, so it also
 * reaches this sink's own queue; because a retry of the same failure emits nothing, that can never
 * grow into a loop (Butler SOS's error tracker did loop; see docs/compatibility.md).
 */
final class FailureReporter {

    private final Supplier<SignalPublisher> publisher;
    private final Clock clock;
    private final String origin;
    private final String errorType;
    private final String host;
    private ErrorCategory state;   // null while writes succeed

    FailureReporter(Supplier<SignalPublisher> publisher, Clock clock, String origin, int version, String host) {
        this.publisher = publisher;
        this.clock = clock;
        this.origin = origin;
        this.errorType = "INFLUXDB_V" + version + "_WRITE";
        this.host = host;
    }

    synchronized void succeeded() {
        state = null;
    }

    /** Records a failure; publishes an error signal only when the failure state changed. */
    synchronized boolean failed(ErrorCategory category, String message, String url, int httpStatus) {
        if (category == state) {
            return false;
        }
        state = category;
        SignalPublisher target = publisher.get();
        if (target != null) {
            target.publish(new ErrorSignal(clock.instant(), origin, errorType, "", "INFLUXDB_SINK", category,
                    message, url, httpStatus, Map.of("destination_host", host)));
        }
        return true;
    }
}
