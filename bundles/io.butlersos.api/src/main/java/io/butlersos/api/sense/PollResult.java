package io.butlersos.api.sense;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorCategory;

/**
 * The outcome and duration of one request to Qlik Sense: an engine health check, one virtual proxy's
 * session list, or one read of the repository's app list. Published for every poll attempt, next to
 * the {@link HealthSample} or {@link ProxySessions} it produced or the
 * {@link io.butlersos.api.agent.ErrorSignal} that explains its failure, so outputs can count polls and
 * measure their latency (which Butler SOS does not report).
 *
 * <p>Butler SOS's InfluxDB schema has no measurement for this, so {@link #toPoints()} is empty: an
 * InfluxDB output that takes every type writes nothing for it. Outputs that want it map the record.
 *
 * @param time when the verdict was reached (the answer read, or the deadline passed)
 * @param origin the server name as configured ({@code server_name}); for app-name reads the
 *        repository's host name, as in the {@code APP_NAMES_EXTRACT} error
 * @param tags the server tags, as in {@link HealthSample#tags()}; for app-name reads {@code host}
 * @param kind what was polled
 * @param host the {@code host:port} that was called
 * @param virtualProxy the virtual proxy of a session poll ({@code /} is the default proxy), else empty
 * @param category null when the poll succeeded, else why it failed (the same category as its error signal)
 * @param httpStatus the HTTP status of the answer, or 0 when there was none
 * @param duration from sending the request to the verdict; null when no request was sent (for example
 *        the certificate set was missing), so such failures are counted but not timed
 */
public record PollResult(
        Instant time,
        String origin,
        Map<String, String> tags,
        Kind kind,
        String host,
        String virtualProxy,
        ErrorCategory category,
        int httpStatus,
        Duration duration) implements Signal {

    /** The signal type of poll results. */
    public static final String TYPE = "sense.poll";

    /** What a poll asks for. */
    public enum Kind {
        /** {@code GET /engine/healthcheck} of an engine. */
        HEALTH,
        /** {@code GET /qps/<virtual proxy>/session} of a proxy. */
        SESSIONS,
        /** {@code GET /qrs/app} of the repository, for the app-name directory. */
        APPS;

        /** The lower-case name outputs use as a label value: {@code health}, {@code sessions}, {@code apps}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PollResult {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        origin = origin == null ? "" : origin;
        tags = Map.copyOf(tags);
        host = host == null ? "" : host;
        virtualProxy = virtualProxy == null ? "" : virtualProxy;
        if (duration != null && duration.isNegative()) {
            duration = Duration.ZERO; // a clock step backwards must not make a negative latency
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Whether the poll got a usable answer. */
    public boolean succeeded() {
        return category == null;
    }

    /** {@code success} or {@code failure}, as outputs label it. */
    public String outcome() {
        return succeeded() ? "success" : "failure";
    }

    /** The duration, when a request was sent. */
    public Optional<Duration> requestDuration() {
        return Optional.ofNullable(duration);
    }

    /** None: Butler SOS's schema has no measurement for poll results (see the class comment). */
    @Override
    public List<Point> toPoints() {
        return List.of();
    }
}
