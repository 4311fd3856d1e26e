package io.butlersos.sink.influxdb.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.json.JsonReader;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of signals to one InfluxDB target as line protocol. A plain writer: it never
 * buffers or retries, it tells the core what happened through {@link SinkException}.
 */
public final class InfluxSink implements Sink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSink.class);
    private static final String LINE_PROTOCOL = "text/plain; charset=utf-8";
    /** Fewest points worth a request of their own when a batch is split ({@code write.concurrency}). */
    static final int MIN_POINTS_PER_REQUEST = 1_000;

    private final String name;
    private final InfluxApi api;
    private final BatchEncoder encoder;
    private final HttpTransport http;
    private final V1Bootstrap bootstrap;
    private final FailureReporter reporter;
    private final int concurrency;
    private final AtomicLong refusedPoints = new AtomicLong();
    private String lastRefusalLogged = "";

    /**
     * @throws IllegalArgumentException with a message naming the key when the configuration is unusable
     */
    public InfluxSink(InfluxConfig config, Supplier<SignalPublisher> publisher, String origin) {
        this.name = config.name();
        Precision precision = Precision.of(config.precision());
        this.api = InfluxApi.of(config, precision);
        if (config.write_timeout_ms() <= 0) {
            throw new IllegalArgumentException("write.timeout.ms must be greater than 0");
        }
        if (config.write_concurrency() < 1 || config.write_concurrency() > 8) {
            throw new IllegalArgumentException("write.concurrency must be between 1 and 8, not "
                    + config.write_concurrency());
        }
        this.concurrency = config.write_concurrency();
        this.encoder = new BatchEncoder(new SchemaMapping(api.version(), config.log_row_as_tag(),
                GlobalTags.parse(config.tags())), precision,
                LineProtocol.Dialect.of(api.version()));
        this.bootstrap = api instanceof InfluxApi.V1 v1 ? new V1Bootstrap(v1, config.retention_duration()) : null;
        this.http = new HttpTransport(TlsContexts.forCaFile(config.ca_file()),
                Duration.ofMillis(config.write_timeout_ms()), config.gzip(), "butlersos-influxdb-" + name);
        this.reporter = new FailureReporter(publisher, Clock.systemUTC(), origin, api.version(),
                api.base.getHost());
    }

    /** Where this sink writes, for people: URL and database or bucket, never a secret. */
    @Override
    public String target() {
        return api.describe();
    }

    /** Points InfluxDB refused since this sink started. */
    long refusedPoints() {
        return refusedPoints.get();
    }

    @Override
    public void write(List<Signal> batch) throws SinkException, InterruptedException {
        EncodedBatch encoded = encoder.encode(batch);
        if (encoded.lineCount() == 0) {
            if (encoded.unencodable().isEmpty()) {
                // Signals that render no points (a poll result, a user event Butler SOS skips): nothing to send.
                return;
            }
            throw refusedLocally(encoded);
        }
        if (bootstrap != null && !bootstrap.done()) {
            runBootstrap();
        }
        int parts = Math.min(concurrency, encoded.lineCount() / MIN_POINTS_PER_REQUEST);
        if (parts > 1 && writtenInParallel(encoded, parts)) {
            succeeded(encoded);
            return;
        }
        HttpResponse<String> response = send(encoded);
        if (response.statusCode() == 404 && bootstrap != null && response.body().contains("database not found")) {
            // Someone dropped the database while we were running: create it again, then write once more.
            bootstrap.reset();
            runBootstrap();
            response = send(encoded);
        }
        handle(response, encoded);
    }

    private HttpResponse<String> send(EncodedBatch encoded) throws SinkException, InterruptedException {
        try {
            return http.post(api.writeUri(), encoded.bytes(), LINE_PROTOCOL, api.authorization());
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /**
     * Sends the batch as {@code parts} requests at once. True when the server took all of them. When
     * any part was answered with something else, the caller sends the whole batch again as one request
     * and reads that answer as usual: nothing was committed, so the timestamps are the same and the
     * parts already written are overwritten, not duplicated.
     */
    private boolean writtenInParallel(EncodedBatch encoded, int parts) throws SinkException, InterruptedException {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>(parts);
        for (byte[] body : encoded.split(parts)) {
            inFlight.add(http.postAsync(api.writeUri(), body, LINE_PROTOCOL, api.authorization()));
        }
        boolean allTaken = true;
        try {
            for (CompletableFuture<HttpResponse<String>> request : inFlight) {
                allTaken &= request.get().statusCode() / 100 == 2;
            }
        } catch (InterruptedException e) {
            inFlight.forEach(request -> request.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw unreachable(io);
            }
            throw new IllegalStateException("InfluxDB sink '" + name + "': a write failed unexpectedly", e.getCause());
        }
        if (!allTaken) {
            LOG.debug("InfluxDB sink '{}': not every one of {} parallel requests was taken; writing the batch of {} "
                    + "points as one request", name, parts, encoded.lineCount());
        }
        return allTaken;
    }

    private void runBootstrap() throws SinkException, InterruptedException {
        try {
            bootstrap.ensure(http);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (V1Bootstrap.BootstrapException e) {
            if (e.status == 401) {
                // Bad or missing credentials: the write that follows fails the same way and names the keys.
                return;
            }
            if (e.status == 403) {
                // Creating needs an admin; a writer may still write to a database that exists.
                LOG.warn("InfluxDB sink '{}': could not create database/retention policy ({}); writing anyway. "
                        + "The user in 'username' needs admin rights for that, or create them by hand.", name,
                        e.getMessage());
            } else if (e.status >= 500 || e.status == 0) {
                throw fail(ErrorCategory.classify(null, e.status), "InfluxDB sink '" + name + "': setting up "
                        + api.targetKeys() + " failed: " + e.getMessage(), e.status, true);
            } else {
                LOG.warn("InfluxDB sink '{}': setting up {} failed: {}; writing anyway", name, api.targetKeys(),
                        e.getMessage());
            }
            bootstrap.markAttempted();
        }
    }

    private void handle(HttpResponse<String> response, EncodedBatch encoded) throws SinkException {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status / 100 == 2) {
            succeeded(encoded);
            return;
        }
        String where = "InfluxDB sink '" + name + "' (" + api.describe() + ")";
        String reason = Refusal.serverMessage(JsonReader.parseOrNull(body), body);
        switch (status) {
            case 400, 422 -> refused(encoded, Refusal.read(api.version(), body, encoded), where);
            case 401, 403 -> throw fail(ErrorCategory.AUTH_ERROR, where + ": the server refused the credentials "
                    + "(HTTP " + status + ": " + reason + "). Check " + api.credentialKeys()
                    + ". The batch is kept and written once the configuration is fixed.", status, true);
            case 404 -> throw fail(ErrorCategory.NOT_FOUND, where + ": the server does not know "
                    + api.targetKeys() + " (HTTP 404: " + reason + "). Check those keys"
                    + (api.version() == 1 ? "" : ", and that version (" + api.version()
                    + ") matches the server's API") + ".", status, true);
            case 413 -> throw SinkException.batchTooLarge(where + ": request too large (HTTP 413, "
                    + encoded.lineCount() + " points): " + reason);
            case 429, 503 -> {
                String message = where + ": server busy (HTTP " + status + "): " + reason;
                reporter.failed(ErrorCategory.classify(null, status), message, api.writeUri().getPath(), status);
                Duration after = retryAfter(response);
                throw after != null ? SinkException.retriableAfter(message, after)
                        : SinkException.retriable(message, null);
            }
            default -> {
                if (status >= 500) {
                    throw fail(ErrorCategory.HTTP_5XX, where + ": server error (HTTP " + status + "): " + reason,
                            status, true);
                }
                throw fail(ErrorCategory.classify(null, status), where + ": the server refused the batch (HTTP "
                        + status + "): " + reason, status, false);
            }
        }
    }

    /** The server took every line: remember the timestamps used, then name the signals never sent. */
    private void succeeded(EncodedBatch encoded) throws SinkException {
        encoder.written(encoded);
        reporter.succeeded();
        if (!encoded.unencodable().isEmpty()) {
            throw refusedLocally(encoded);
        }
    }

    /** A 400/422: keep what was written, name what was refused. */
    private void refused(EncodedBatch encoded, Refusal refusal, String where) throws SinkException {
        Set<Integer> signals = new TreeSet<>(encoded.unencodable().keySet());
        for (int line : refusal.lines()) {
            signals.add(encoded.lineSignals()[line]);
        }
        boolean partial = refusal.reason().contains("partial write") || !refusal.lines().isEmpty();
        if (!partial) {
            // Nothing names a line: the server took none of it.
            throw fail(ErrorCategory.HTTP_4XX, where + ": the server refused the whole batch of "
                    + encoded.lineCount() + " points: " + refusal.shortReason(), 400, false);
        }
        // The server wrote the lines it did not name.
        encoder.written(encoded);
        int points = refusal.lines().isEmpty() ? Math.max(refusal.dropped(), 0) : refusal.lines().size();
        long total = refusedPoints.addAndGet(points);
        String message = where + ": refused " + points + " of " + encoded.lineCount() + " points ("
                + total + " so far): " + refusal.shortReason();
        logRefusal(message, refusal.reason());
        reporter.failed(ErrorCategory.HTTP_4XX, message, api.writeUri().getPath(), 400);
        if (signals.isEmpty()) {
            // e.g. "points beyond retention policy dropped=2": counted and logged, but no line is named.
            return;
        }
        throw SinkException.partial(message, signals);
    }

    /** Logs a refusal at WARN once per distinct server reason; repeats go to DEBUG with the running total. */
    private void logRefusal(String message, String reason) {
        String key = reason.replaceAll("\\d+", "#");
        if (!key.equals(lastRefusalLogged)) {
            lastRefusalLogged = key;
            LOG.warn("{}", message);
        } else {
            LOG.debug("{}", message);
        }
    }

    private SinkException refusedLocally(EncodedBatch encoded) {
        List<String> reasons = new ArrayList<>(encoded.unencodable().values());
        String message = "InfluxDB sink '" + name + "': " + reasons.size() + " signal(s) cannot be written: "
                + reasons.get(0) + (reasons.size() > 1 ? " (and " + (reasons.size() - 1) + " more)" : "");
        logRefusal(message, reasons.get(0));
        return SinkException.partial(message, encoded.unencodable().keySet());
    }

    private SinkException unreachable(IOException e) {
        String hint = e instanceof SSLException ? " (TLS: check url and ca.file)" : "";
        String message = "InfluxDB sink '" + name + "': " + api.base + " cannot be reached" + hint + ": " + e;
        ErrorCategory category = ErrorCategory.classify(e, 0);
        if (reporter.failed(category, message, api.writeUri().getPath(), 0)) {
            LOG.warn("{}", message);
        }
        return SinkException.retriable(message, e);
    }

    private SinkException fail(ErrorCategory category, String message, int status, boolean retriable) {
        if (reporter.failed(category, message, api.writeUri().getPath(), status)) {
            LOG.error("{}", message);
        }
        return retriable ? SinkException.retriable(message, null) : SinkException.permanent(message, null);
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "InfluxSink[" + name + " → " + api.describe() + "]";
    }
}
