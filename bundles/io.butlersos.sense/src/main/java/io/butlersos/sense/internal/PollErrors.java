package io.butlersos.sense.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sense.PollResult;

/**
 * Reports failed polls: one {@link ErrorSignal} per failure, and a log line when a target starts
 * failing, fails differently, or recovers (repeats of the same failure go to debug, so a dead server
 * does not flood the log).
 */
final class PollErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PollErrors.class);

    /** What was polled, in Butler SOS's words. */
    enum Kind {
        HEALTH("HEALTH_API", "HEALTH_METRICS", "HEALTH", PollResult.Kind.HEALTH),
        SESSIONS("PROXY_API", "PROXY_SESSIONS", "PROXY SESSIONS", PollResult.Kind.SESSIONS),
        APP_NAMES("APP_NAMES_EXTRACT", "APP_NAMES", "APP NAMES", PollResult.Kind.APPS);

        final String errorType;
        final String module;
        final String logPrefix;
        final PollResult.Kind pollKind;

        Kind(String errorType, String module, String logPrefix, PollResult.Kind pollKind) {
            this.errorType = errorType;
            this.module = module;
            this.logPrefix = logPrefix;
            this.pollKind = pollKind;
        }
    }

    private final Clock clock;
    private final String origin;
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

    PollErrors(Clock clock, String origin) {
        this.clock = clock;
        this.origin = origin;
    }

    /**
     * @param target a key for the thing polled, e.g. {@code central/health}
     * @param failure what was thrown, or null when the server answered with a bad status or body
     * @param httpStatus the status, or 0
     * @param reason the sentence describing the failure
     * @param tags {@code host}, {@code virtual_proxy}
     * @return the category the failure was given, for the poll's {@code sense.poll} result
     */
    ErrorCategory failed(SignalPublisher publisher, Kind kind, String target, String serverName, URI url,
            Throwable failure, int httpStatus, String reason, Map<String, String> tags) {
        String requestUrl = url == null ? "" : url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
        ErrorCategory category = httpStatus > 0 && failure == null
                ? ErrorCategory.classify(null, httpStatus)
                : ErrorCategory.classify(FailureText.unwrap(failure), httpStatus);
        if (FailureText.unwrap(failure) instanceof java.util.concurrent.TimeoutException) {
            category = ErrorCategory.TIMEOUT; // our own deadline, which carries no message to classify
        } else if (category == ErrorCategory.UNKNOWN && reason.contains("certificate")) {
            category = ErrorCategory.CERTIFICATE_ERROR;
        }
        String message = kind.logPrefix + ": " + what(kind) + " of server '" + serverName + "' at " + requestUrl
                + " failed: " + reason;
        if (!Objects.equals(lastFailure.put(target, message), message)) {
            LOG.warn("{} [{}]", message, category.label());
        } else {
            LOG.debug("{} (again)", message);
        }
        publisher.publish(new ErrorSignal(clock.instant(), origin, kind.errorType, serverName, kind.module, category,
                message, requestUrl, httpStatus, tags));
        return category;
    }

    void succeeded(Kind kind, String target, String serverName) {
        if (lastFailure.remove(target) != null) {
            LOG.info("{}: {} of server '{}' works again", kind.logPrefix, what(kind), serverName);
        }
    }

    private static String what(Kind kind) {
        return switch (kind) {
            case HEALTH -> "engine health check";
            case SESSIONS -> "proxy session list";
            case APP_NAMES -> "app list from the repository";
        };
    }
}
