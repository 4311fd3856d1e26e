package io.butlersos.sense.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.sense.PollResult;

/**
 * One request of a poll, from the moment it is sent: it turns into the {@code sense.poll} result with
 * the outcome and the duration. The duration is measured on the monotonic clock, so a step of the wall
 * clock does not distort it; the result's time is the wall clock's.
 */
final class PollAttempt {

    private final PollErrors.Kind kind;
    private final String origin;
    private final Map<String, String> tags;
    private final String host;
    private final String virtualProxy;
    private final Clock clock;
    private long sentNanos;
    private boolean sent;

    PollAttempt(PollErrors.Kind kind, String origin, Map<String, String> tags, String host, String virtualProxy,
            Clock clock) {
        this.kind = kind;
        this.origin = origin;
        this.tags = tags;
        this.host = host;
        this.virtualProxy = virtualProxy;
        this.clock = clock;
    }

    PollErrors.Kind kind() {
        return kind;
    }

    /** The request goes out now; the duration counts from here. */
    void sending() {
        sentNanos = System.nanoTime();
        sent = true;
    }

    PollResult succeeded(int httpStatus) {
        return result(null, httpStatus);
    }

    /**
     * @param category the category of the failure's error signal
     * @param httpStatus the status of the answer, or 0
     */
    PollResult failed(ErrorCategory category, int httpStatus) {
        return result(category, httpStatus);
    }

    private PollResult result(ErrorCategory category, int httpStatus) {
        Duration duration = sent ? Duration.ofNanos(System.nanoTime() - sentNanos) : null;
        return new PollResult(clock.instant(), origin, tags, kind.pollKind, host, virtualProxy, category, httpStatus,
                duration);
    }
}
