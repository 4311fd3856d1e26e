package io.butlersos.sense.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per request target (host, port and path) of one server, whether the next request will
 * most likely reuse a connection from the shared client's pool. Only requests that will not reuse one
 * go through the {@link ConnectionGate}, so warm polls never wait behind cold ones.
 *
 * <p>A target is warm after an answer (any HTTP status: the connection stands) on the current client.
 * It is cold again after a failure (the connection may be gone), when the client changed (a reloaded
 * certificate set brings a new pool), and when two answers in a row came over different TLS sessions:
 * then the server does not keep connections open between polls, every poll is a new handshake, and it
 * queues like one.
 */
final class ConnectionReuse {

    private record Last(HttpClient client, String session, boolean reused) {
    }

    private final Map<String, Last> targets = new ConcurrentHashMap<>();

    /** The key of a request: where it goes, without the query (the proxy's query is a new key every time). */
    static String target(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    /** True when the last exchange with this target on this client left a connection the next one will reuse. */
    boolean warm(String target, HttpClient client) {
        Last last = targets.get(target);
        return last != null && last.client() == client && last.reused();
    }

    /** An answer came; {@code session} identifies the TLS session it came over (null if unknown). */
    void answered(String target, HttpClient client, String session) {
        targets.compute(target, (k, last) -> {
            boolean first = last == null || last.client() != client || last.session() == null || session == null;
            return new Last(client, session, first || last.session().equals(session));
        });
    }

    /** The exchange failed: the next one makes a new connection. */
    void failed(String target) {
        targets.remove(target);
    }

    /** The TLS session of an answer as a comparable string: its id and creation time. */
    static String sessionOf(HttpResponse<?> response) {
        return response.sslSession()
                .map(s -> HexFormat.of().formatHex(s.getId()) + "@" + s.getCreationTime())
                .orElse(null);
    }
}
