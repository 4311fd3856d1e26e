package io.butlersos.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import io.butlersos.api.json.Json;

/** Small helpers for answering requests the way Sense does. */
final class Exchanges {

    private Exchanges() {
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        send(exchange, status, bytes);
    }

    static void text(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Query parameters with lower-case names (Sense accepts {@code Xrfkey} and {@code xrfkey}). */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name.toLowerCase(Locale.ROOT), value);
        }
        return params;
    }

    /**
     * Qlik's cross-site request forgery check: a 16-character key in the {@code xrfkey} query parameter,
     * repeated in the {@code X-Qlik-Xrfkey} header. Answers 403 and returns false when it fails.
     */
    static boolean xrfKeyChecked(HttpExchange exchange) throws IOException {
        String query = query(exchange).get("xrfkey");
        String header = exchange.getRequestHeaders().getFirst("X-Qlik-Xrfkey");
        if (query == null || query.length() != 16 || !query.equals(header)) {
            text(exchange, 403, "XSRF prevention check failed. Possible XSRF discovered.");
            return false;
        }
        return true;
    }
}
