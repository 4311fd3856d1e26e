package io.butlersos.sense.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.json.JsonFormatException;
import io.butlersos.api.json.JsonReader;
import io.butlersos.api.sense.AppInfo;
import io.butlersos.api.sense.AppNameDirectory;
import io.butlersos.api.tls.TlsOptions;

/**
 * Reads {@code GET /qrs/app} and keeps the result as the directory. The whole directory is replaced
 * after a successful read; a failed read keeps the old one and reports an {@code APP_NAMES_EXTRACT}
 * error. Reads never overlap.
 */
final class AppNameReader implements AppNameDirectory {

    /** The settings of a read. */
    record Settings(ServerSettings.HostPort host, Duration timeout, String certificateSet, TlsOptions tls,
            String qlikUser) {
    }

    private record Snapshot(Map<String, AppInfo> apps, Instant refreshedAt) {
    }

    private final ClientSource clients;
    private final SignalPublisher publisher;
    private final PollErrors errors;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Settings settings;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), null);

    AppNameReader(ClientSource clients, SignalPublisher publisher, PollErrors errors, Clock clock, Settings settings) {
        this.clients = clients;
        this.publisher = publisher;
        this.errors = errors;
        this.clock = clock;
        this.settings = settings;
    }

    void update(Settings newSettings) {
        this.settings = newSettings;
    }

    @Override
    public Optional<String> appName(String appId) {
        AppInfo app = appId == null ? null : snapshot.apps().get(appId);
        return app == null ? Optional.empty() : Optional.of(app.name());
    }

    @Override
    public Map<String, AppInfo> apps() {
        return snapshot.apps();
    }

    @Override
    public Optional<Instant> refreshedAt() {
        return Optional.ofNullable(snapshot.refreshedAt());
    }

    /** Reads the app list now; completes when done (or at once if a read is running). */
    @SuppressWarnings("unchecked")
    CompletableFuture<Void> refresh() {
        if (!running.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        Settings s = settings;
        String key = ServerPoller.xrfKey();
        URI url = URI.create("https://" + s.host().authority() + "/qrs/app?xrfkey=" + key);
        String target = "appnames/" + s.host().authority();
        String origin = s.host().bareHost();
        Map<String, String> tags = Map.of("host", s.host().authority());
        PollAttempt attempt = new PollAttempt(PollErrors.Kind.APP_NAMES, origin, tags, s.host().authority(), "", clock);
        HttpClient client;
        try {
            client = clients.client(s.certificateSet(), s.tls());
        } catch (Exception e) {
            ErrorCategory category = errors.failed(publisher, PollErrors.Kind.APP_NAMES, target, origin, url, e, 0,
                    FailureText.describe(e, s.host().host(), s.timeout().toMillis()), tags);
            publisher.publish(attempt.failed(category, 0));
            running.set(false);
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(s.timeout().multipliedBy(2))
                .header("X-Qlik-Xrfkey", key)
                .header("X-Qlik-User", s.qlikUser())
                .build();
        attempt.sending();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        // The verdict comes at the deadline; the exchange may finish (and keep its connection) up to twice
        // that, and reads never overlap until it has ended.
        CompletableFuture<Void> settled = exchange.copy().orTimeout(s.timeout().multipliedBy(2).toMillis(),
                TimeUnit.MILLISECONDS).handle((r, f) -> {
                    if (f != null) {
                        exchange.cancel(true);
                    }
                    return null;
                });
        CompletableFuture<Void> verdict = exchange.copy().orTimeout(s.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
            try {
                if (failure != null) {
                    ErrorCategory category = errors.failed(publisher, PollErrors.Kind.APP_NAMES, target, origin, url,
                            failure, 0, FailureText.describe(failure, s.host().host(), s.timeout().toMillis()), tags);
                    publisher.publish(attempt.failed(category, 0));
                } else if (response.statusCode() != 200) {
                    ErrorCategory category = errors.failed(publisher, PollErrors.Kind.APP_NAMES, target, origin, url,
                            null, response.statusCode(), "the repository answered HTTP " + response.statusCode(), tags);
                    publisher.publish(attempt.failed(category, response.statusCode()));
                } else {
                    Object parsed = JsonReader.parse(response.body());
                    if (!(parsed instanceof List<?> items)) {
                        throw new JsonFormatException("the answer is JSON but not an array of apps");
                    }
                    Map<String, AppInfo> apps = new LinkedHashMap<>();
                    for (Object item : items) {
                        if (item instanceof Map<?, ?> m) {
                            Map<String, Object> app = (Map<String, Object>) m;
                            String id = JsonValues.string(app, "id");
                            String name = JsonValues.string(app, "name");
                            if (id != null && name != null) {
                                apps.put(id, new AppInfo(id, name, JsonValues.string(app, "description")));
                            }
                        }
                    }
                    snapshot = new Snapshot(Collections.unmodifiableMap(apps), clock.instant());
                    errors.succeeded(PollErrors.Kind.APP_NAMES, target, origin);
                    publisher.publish(attempt.succeeded(response.statusCode()));
                }
            } catch (JsonFormatException e) {
                ErrorCategory category = errors.failed(publisher, PollErrors.Kind.APP_NAMES, target, origin, url, e, 0,
                        "the answer cannot be read: " + e.getMessage(), tags);
                publisher.publish(attempt.failed(category, response.statusCode()));
            }
            return null;
        });
        return verdict.thenCombine(settled, (a, b) -> (Void) null).whenComplete((v, t) -> running.set(false));
    }
}
