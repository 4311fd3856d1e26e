package io.butlersos.sense.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.sense.AppNameDirectory;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.api.tls.TlsUnavailableException;

/**
 * Polls one Sense server: the engine health check and the proxy sessions, each on its own interval.
 * Requests are asynchronous with a hard deadline, so a slow or dead server holds no thread and never
 * delays another server. A tick that comes while the same server's previous poll of the same kind is
 * still running is skipped and counted, so polls of one server never overlap. A request that needs a
 * new connection first waits for a slot of the shared {@link ConnectionGate}; its deadline starts when
 * it has one. A server's first polls wait for its slot from the {@link StartPacer}.
 */
final class ServerPoller {

    private static final Logger LOG = LoggerFactory.getLogger(ServerPoller.class);

    /** Butler SOS sends a fixed key; any 16 characters do, so each request gets its own. */
    private static final String XRF_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final ScheduledExecutorService timer;
    private final ClientSource clients;
    private final ConnectionGate gate;
    private final StartPacer pacer;
    private final ConnectionReuse reuse = new ConnectionReuse();
    private final SignalPublisher publisher;
    private final Supplier<AppNameDirectory> directory;
    private final PollErrors errors;
    private final Clock clock;

    private final Task health = new Task(PollErrors.Kind.HEALTH);
    private final Task sessions = new Task(PollErrors.Kind.SESSIONS);
    private volatile ServerSettings settings;
    private volatile boolean stopped;
    /** When this server's first polls are due (before the jitter): its slot from the {@link StartPacer}. */
    private volatile Instant pacedStart;
    /** A poll failed because its certificate set was not available; the set's arrival polls again. */
    private volatile boolean awaitingCertificates;

    ServerPoller(ScheduledExecutorService timer, ClientSource clients, ConnectionGate gate, StartPacer pacer,
            SignalPublisher publisher, Supplier<AppNameDirectory> directory, PollErrors errors, Clock clock) {
        this.timer = timer;
        this.clients = clients;
        this.gate = gate;
        this.pacer = pacer;
        this.publisher = publisher;
        this.directory = directory;
        this.errors = errors;
        this.clock = clock;
    }

    /** One schedule: its timer, its in-flight guard and its counters. */
    private final class Task {
        final PollErrors.Kind kind;
        final AtomicBoolean running = new AtomicBoolean();
        final PollStats stats = new PollStats();
        ScheduledFuture<?> schedule;
        Duration interval;
        volatile Instant lastStart;

        Task(PollErrors.Kind kind) {
            this.kind = kind;
        }

        /**
         * Runs after {@code offset} and the jitter, then every interval; keeps the phase when only the
         * interval changed.
         */
        synchronized void schedule(Duration newInterval, Duration offset, Duration jitter, boolean enabled) {
            if (schedule != null) {
                schedule.cancel(false);
                schedule = null;
            }
            interval = newInterval;
            if (!enabled || stopped) {
                return;
            }
            long delay;
            Instant last = lastStart;
            if (last == null) {
                delay = offset.toMillis()
                        + (jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(jitter.toMillis() + 1));
            } else {
                long sinceLast = Duration.between(last, clock.instant()).toMillis();
                delay = Math.max(0, Math.min(newInterval.toMillis(), newInterval.toMillis() - sinceLast));
            }
            schedule = timer.scheduleAtFixedRate(this::tick, delay, newInterval.toMillis(), TimeUnit.MILLISECONDS);
        }

        synchronized void cancel() {
            if (schedule != null) {
                schedule.cancel(false);
                schedule = null;
            }
        }

        private void tick() {
            try {
                run();
            } catch (RuntimeException e) {
                // Never let an exception cancel the schedule.
                LOG.error("{}: unexpected failure polling server '{}'", kind.logPrefix, settings.serverName(), e);
            }
        }

        CompletableFuture<Void> run() {
            if (!running.compareAndSet(false, true)) {
                stats.skipped.incrementAndGet();
                LOG.debug("{}: previous poll of '{}' still running; tick skipped", kind.logPrefix,
                        settings.serverName());
                return CompletableFuture.completedFuture(null);
            }
            Instant start = clock.instant();
            lastStart = start;
            stats.started.incrementAndGet();
            CompletableFuture<Void> poll;
            try {
                poll = kind == PollErrors.Kind.HEALTH ? pollHealth(settings) : pollSessions(settings);
            } catch (RuntimeException e) {
                poll = CompletableFuture.failedFuture(e);
            }
            return poll.handle((ok, error) -> {
                stats.lastDurationMs.set(Duration.between(start, clock.instant()).toMillis());
                if (error != null) {
                    LOG.error("{}: unexpected failure polling server '{}'", kind.logPrefix, settings.serverName(),
                            error);
                }
                running.set(false);
                return null;
            });
        }
    }

    /** Starts polling; the first polls come in this server's start slot, within the jitter. */
    void start(ServerSettings newSettings) {
        this.settings = newSettings;
        this.stopped = false;
        Instant now = clock.instant();
        if (pacedStart == null) {
            pacedStart = pacer.nextSlot();
        }
        Duration offset = pacedStart.isAfter(now) ? Duration.between(now, pacedStart) : Duration.ZERO;
        health.schedule(newSettings.healthInterval(), offset, newSettings.jitter(), true);
        sessions.schedule(newSettings.sessionsInterval(), offset, newSettings.jitter(), newSettings.sessionsEnabled());
    }

    /** When this server's first polls were due (before the jitter); null before {@link #start}. */
    Instant pacedStart() {
        return pacedStart;
    }

    /** Applies a changed configuration without losing the schedule's phase. */
    void reconfigure(ServerSettings newSettings) {
        start(newSettings);
    }

    void stop() {
        stopped = true;
        health.cancel();
        sessions.cancel();
    }

    /**
     * A certificate set became available. If a poll of this server failed for want of its set, it
     * polls now instead of at the next tick: at start-up the certificates are often configured a
     * moment after the servers.
     */
    void certificateSetAvailable(String name) {
        ServerSettings s = settings;
        if (stopped || !awaitingCertificates || s == null || !s.certificateSet().equals(name)) {
            return;
        }
        awaitingCertificates = false;
        long wait = Math.max(0, Duration.between(clock.instant(), pacer.nextSlot()).toMillis());
        LOG.info("Certificate set '{}' is available: polling server '{}' {}", name, s.serverName(),
                wait == 0 ? "now" : "in " + wait + " ms (start pacing)");
        timer.schedule(() -> {
            health.run();
            if (s.sessionsEnabled()) {
                sessions.run();
            }
        }, wait, TimeUnit.MILLISECONDS);
    }

    /** Polls the health check now (skipped if one is running); completes when the poll is done. */
    CompletableFuture<Void> pollHealthNow() {
        return health.run();
    }

    CompletableFuture<Void> pollSessionsNow() {
        return sessions.run();
    }

    PollStats healthStats() {
        return health.stats;
    }

    PollStats sessionStats() {
        return sessions.stats;
    }

    ServerSettings settings() {
        return settings;
    }

    private CompletableFuture<Void> pollHealth(ServerSettings s) {
        URI url = URI.create("https://" + s.engine().authority() + "/engine/healthcheck");
        Map<String, String> tags = Map.of("host", s.engine().authority());
        String target = s.serverName() + "/health";
        PollAttempt attempt = new PollAttempt(PollErrors.Kind.HEALTH, s.serverName(), s.tags(), s.engine().authority(),
                "", clock);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .header("Cache-Control", "no-cache")
                .header("Content-Type", "application/json");
        try {
            s.headers().forEach(request::setHeader); // configured headers win over the defaults, as in Butler SOS
        } catch (IllegalArgumentException e) {
            ErrorCategory category = errors.failed(publisher, PollErrors.Kind.HEALTH, target, s.serverName(), url, e, 0,
                    "a configured header is not allowed (" + e.getMessage() + ")", tags);
            publisher.publish(attempt.failed(category, 0));
            health.stats.failed.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        return send(s, request, s.healthInterval(), attempt, target, tags, health.stats, body -> {
            HealthSample sample = HealthParser.parse(body, clock.instant(), s, url.toString(), directory.get());
            publisher.publish(sample);
        });
    }

    private CompletableFuture<Void> pollSessions(ServerSettings s) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String vp : s.virtualProxies()) {
            String key = xrfKey();
            URI url = URI.create("https://" + s.proxy().authority() + ServerSettings.sessionPath(vp) + "?Xrfkey=" + key);
            Map<String, String> tags = Map.of("host", s.proxy().authority(), "virtual_proxy", vp);
            HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                    .header("Cache-Control", "no-cache")
                    .header("Content-Type", "application/json")
                    .header("X-Qlik-Xrfkey", key);
            PollAttempt attempt = new PollAttempt(PollErrors.Kind.SESSIONS, s.serverName(), s.tags(),
                    s.proxy().authority(), vp, clock);
            all.add(send(s, request, s.sessionsInterval(), attempt, s.serverName() + "/sessions" + vp, tags,
                    sessions.stats, body -> {
                        ProxySessions result = SessionParser.parse(body, clock.instant(), s, vp);
                        publisher.publish(result);
                    }));
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture[0]));
    }

    /** What to do with a 200 body; may throw when the body cannot be read. */
    @FunctionalInterface
    private interface BodyConsumer {
        void accept(String body) throws Exception;
    }

    /**
     * How long an exchange may go on after its deadline passed: long enough that a slow TLS handshake
     * still completes and leaves a pooled connection for the next poll (instead of being torn down and
     * started again every tick, which never finishes on a starved machine), short enough that a hung
     * server is given up before long. The poll's own result is still decided at the deadline.
     */
    static Duration settleLimit(Duration timeout, Duration interval) {
        Duration twice = timeout.multipliedBy(2);
        return twice.compareTo(interval) > 0 ? twice : interval;
    }

    /**
     * Sends one request and reports its outcome: the signal its body makes, or an error signal; and in
     * either case the attempt's {@code sense.poll} result, published after the other so an output that
     * sees the result has seen what it counts.
     */
    private CompletableFuture<Void> send(ServerSettings s, HttpRequest.Builder builder, Duration interval,
            PollAttempt attempt, String target, Map<String, String> tags, PollStats stats, BodyConsumer onBody) {
        PollErrors.Kind kind = attempt.kind();
        Duration settle = settleLimit(s.requestTimeout(), interval);
        HttpRequest request = builder.timeout(settle).build();
        String host = request.uri().getHost();
        long timeoutMs = s.requestTimeout().toMillis();
        HttpClient client;
        try {
            client = clients.client(s.certificateSet(), s.tls());
        } catch (Exception e) {
            if (e instanceof TlsUnavailableException) {
                awaitingCertificates = true;
            }
            stats.failed.incrementAndGet();
            ErrorCategory category = errors.failed(publisher, kind, target, s.serverName(), request.uri(), e, 0,
                    FailureText.describe(e, host, timeoutMs), tags);
            publisher.publish(attempt.failed(category, 0));
            return CompletableFuture.completedFuture(null);
        }
        Exchange exchange = new Exchange(s, request, client, settle, attempt, target, tags, stats, onBody);
        if (reuse.warm(exchange.connection, client)) {
            return exchange.start(ConnectionGate.NONE);
        }
        // A new connection: wait for a slot (in arrival order) so cold starts do not handshake all at
        // once. The wait is bounded like the exchange itself; the request's deadline starts with the slot.
        return gate.acquire().orTimeout(settle.toMillis(), TimeUnit.MILLISECONDS)
                .handle((slot, waitFailure) -> {
                    if (waitFailure != null) {
                        stats.failed.incrementAndGet();
                        ErrorCategory category = errors.failed(publisher, kind, target, s.serverName(), request.uri(),
                                waitFailure, 0, "no connection slot within " + settle.toMillis() + " ms: "
                                        + gate.limit() + " new connections are being made at a time"
                                        + " (connect.concurrency) and " + gate.waiting()
                                        + " wait; the machine is too busy making TLS connections", tags);
                        publisher.publish(attempt.failed(category, 0)); // never sent: no duration
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if (stopped) {
                        slot.release();
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    return exchange.start(slot);
                })
                .thenCompose(poll -> poll);
    }

    /** One request and its verdict; holds its connection slot (if it needed one) until the verdict. */
    private final class Exchange {
        final ServerSettings s;
        final HttpRequest request;
        final HttpClient client;
        final Duration settle;
        final PollAttempt attempt;
        final PollErrors.Kind kind;
        final String target;
        final Map<String, String> tags;
        final PollStats stats;
        final BodyConsumer onBody;
        final String connection;

        Exchange(ServerSettings s, HttpRequest request, HttpClient client, Duration settle, PollAttempt attempt,
                String target, Map<String, String> tags, PollStats stats, BodyConsumer onBody) {
            this.s = s;
            this.request = request;
            this.client = client;
            this.settle = settle;
            this.attempt = attempt;
            this.kind = attempt.kind();
            this.target = target;
            this.tags = tags;
            this.stats = stats;
            this.onBody = onBody;
            this.connection = ConnectionReuse.target(request.uri());
        }

        /**
         * Sends the request and reports its outcome: the signal its body makes, or an error signal; and
         * in either case the attempt's {@code sense.poll} result, published after the other so an output
         * that sees the result has seen what it counts. The attempt's duration starts here, as the
         * deadline does, not while the request waited for a connection slot.
         */
        CompletableFuture<Void> start(ConnectionGate.Slot slot) {
            String host = request.uri().getHost();
            long timeoutMs = s.requestTimeout().toMillis();
            attempt.sending();
            CompletableFuture<HttpResponse<String>> exchange;
            try {
                exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            } catch (RuntimeException e) {
                slot.release();
                reuse.failed(connection);
                throw e;
            }
            // The poll's verdict comes at the deadline (connection, answer and body included); a copy is
            // timed out so the exchange itself may still finish and keep its connection. The slot is
            // freed at the verdict, so a hung server holds it no longer than its deadline.
            CompletableFuture<Void> verdict = exchange.copy().orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                    .handle((response, failure) -> {
                        slot.release();
                        if (failure != null) {
                            reuse.failed(connection);
                            stats.failed.incrementAndGet();
                            ErrorCategory category = errors.failed(publisher, kind, target, s.serverName(),
                                    request.uri(), failure, 0, FailureText.describe(failure, host, timeoutMs), tags);
                            publisher.publish(attempt.failed(category, 0));
                            return null;
                        }
                        reuse.answered(connection, client, ConnectionReuse.sessionOf(response));
                        int status = response.statusCode();
                        if (status != 200) {
                            stats.failed.incrementAndGet();
                            ErrorCategory category = errors.failed(publisher, kind, target, s.serverName(),
                                    request.uri(), null, status,
                                    "the server answered HTTP " + status + snippet(response.body()), tags);
                            publisher.publish(attempt.failed(category, status));
                            return null;
                        }
                        try {
                            onBody.accept(response.body());
                            stats.succeeded.incrementAndGet();
                            errors.succeeded(kind, target, s.serverName());
                            publisher.publish(attempt.succeeded(status));
                        } catch (Exception e) {
                            stats.failed.incrementAndGet();
                            ErrorCategory category = errors.failed(publisher, kind, target, s.serverName(),
                                    request.uri(), e, 0, "the answer cannot be read: " + e.getMessage(), tags);
                            publisher.publish(attempt.failed(category, status));
                        }
                        return null;
                    });
            // The poll counts as running until the exchange has ended, so polls of one server never overlap.
            CompletableFuture<Void> settled = exchange.copy().orTimeout(settle.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, failure) -> {
                        if (failure != null && FailureText.unwrap(failure) instanceof TimeoutException) {
                            exchange.cancel(true); // a hung server: give the exchange up
                        }
                        return null;
                    });
            return verdict.thenCombine(settled, (a, b) -> null);
        }
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return " (" + (oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine) + ")";
    }

    static String xrfKey() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder key = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            key.append(XRF_CHARS.charAt(random.nextInt(XRF_CHARS.length())));
        }
        return key.toString();
    }
}
