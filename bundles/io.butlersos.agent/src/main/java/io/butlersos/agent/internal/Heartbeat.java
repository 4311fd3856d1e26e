package io.butlersos.agent.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One heartbeat target: a GET with a deadline. A 2xx answer is a success; anything else is logged
 * and reported as an {@code agent.error} signal ({@code error_type} {@code HEARTBEAT}).
 */
final class Heartbeat {

    static final String ERROR_TYPE = "HEARTBEAT";

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final URI url;
    private final String safeUrl;
    private final Duration timeout;
    private final String origin;
    private final Consumer<ErrorSignal> errors;
    private final Clock clock;
    private final HttpClient client;
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    Heartbeat(URI url, Duration timeout, String origin, Consumer<ErrorSignal> errors, Clock clock) {
        this.url = url;
        this.safeUrl = SafeUrl.of(url);
        this.timeout = timeout;
        this.origin = origin;
        this.errors = errors;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Sends one heartbeat; true when the target answered 2xx. Never throws. */
    boolean beat() {
        HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(timeout)
                .header("User-Agent", "butler-sos-java heartbeat").build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                successes.incrementAndGet();
                LOG.debug("Heartbeat to {} answered {}", safeUrl, status);
                return true;
            }
            fail("Heartbeat to " + safeUrl + " answered HTTP " + status, null, status);
        } catch (IOException e) {
            fail("Heartbeat to " + safeUrl + " failed: " + describe(e), e, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail("Heartbeat to " + safeUrl + " failed: " + describe(e), e, 0);
        }
        return false;
    }

    long successes() {
        return successes.get();
    }

    long failures() {
        return failures.get();
    }

    private void fail(String message, Throwable cause, int status) {
        failures.incrementAndGet();
        LOG.warn(message);
        try {
            errors.accept(new ErrorSignal(clock.instant(), origin, ERROR_TYPE, "", ERROR_TYPE,
                    ErrorCategory.classify(cause, status), message, safeUrl, status, Map.of()));
        } catch (RuntimeException e) {
            LOG.error("Heartbeat: could not report the failure", e);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
