package io.butlersos.sense.internal;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import io.butlersos.api.tls.TlsContextProvider;
import io.butlersos.api.tls.TlsOptions;
import io.butlersos.api.tls.TlsUnavailableException;

/**
 * One {@link HttpClient} per (certificate set, reload generation, verification options): every server
 * using the same set shares the client and its connection pool, so connections are kept alive across
 * polls. A reloaded set gets a fresh client, and the old one is let go. There is no connect timeout on
 * the client: every request has its own limits (see {@code ServerPoller#settleLimit}).
 */
final class HttpClientCache {

    private record Key(TlsContextProvider provider, TlsOptions options) {
    }

    private record Entry(long generation, HttpClient client) {
    }

    private final Map<Key, Entry> clients = new ConcurrentHashMap<>();
    private final Executor executor;

    HttpClientCache(Executor executor) {
        this.executor = executor;
    }

    HttpClient client(TlsContextProvider provider, TlsOptions options) throws TlsUnavailableException {
        Key key = new Key(provider, options);
        long generation = provider.generation();
        Entry entry = clients.get(key);
        if (entry != null && entry.generation() == generation) {
            return entry.client();
        }
        HttpClient client = HttpClient.newBuilder()
                .sslContext(provider.sslContext(options))
                .version(HttpClient.Version.HTTP_1_1) // the Sense service APIs speak HTTP/1.1
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        clients.put(key, new Entry(generation, client));
        return client;
    }

    /** Forgets the clients of a provider that went away. */
    void forget(TlsContextProvider provider) {
        clients.keySet().removeIf(k -> k.provider() == provider);
    }

    void clear() {
        clients.clear();
    }
}
