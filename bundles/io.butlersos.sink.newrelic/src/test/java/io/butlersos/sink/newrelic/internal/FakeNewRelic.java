package io.butlersos.sink.newrelic.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

import io.butlersos.api.json.JsonFormatException;
import io.butlersos.api.json.JsonReader;

/**
 * A stand-in for New Relic's three ingest APIs on a loopback port. Like the real ones it refuses a
 * wrong {@code Api-Key} (403) and a body over 10^6 bytes as sent (413); it records every request and
 * answers with queued responses first, 202 otherwise.
 */
final class FakeNewRelic implements AutoCloseable {

    static final String KEY = "NRII-test-insert-key-0123456789";

    record Request(String path, Map<String, List<String>> headers, int bytesAsSent, String json) {
        Object body() {
            try {
                return JsonReader.parse(json);
            } catch (JsonFormatException e) {
                throw new AssertionError("the sink sent a body that is not JSON: " + e.getMessage(), e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Answer(int status, Map<String, String> headers) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final HttpServer server;

    FakeNewRelic() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] raw = exchange.getRequestBody().readAllBytes();
                if (!KEY.equals(exchange.getRequestHeaders().getFirst("Api-Key"))) {
                    reply(exchange.getResponseBody(), exchange, 403, Map.of());
                    return;
                }
                if (raw.length > 1_000_000) {
                    reply(exchange.getResponseBody(), exchange, 413, Map.of());
                    return;
                }
                InputStream in = new ByteArrayInputStream(raw);
                if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    in = new GZIPInputStream(in);
                }
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                        raw.length, json));
                Answer answer;
                synchronized (answers) {
                    answer = answers.poll();
                }
                if (answer == null) {
                    answer = new Answer(202, Map.of());
                }
                reply(exchange.getResponseBody(), exchange, answer.status(), answer.headers());
            }
        });
        server.start();
    }

    private static void reply(OutputStream body, com.sun.net.httpserver.HttpExchange exchange, int status,
            Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] text = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, text.length);
        body.write(text);
    }

    /** The next requests get these answers, in order. */
    void answer(int status, Map<String, String> headers) {
        synchronized (answers) {
            answers.add(new Answer(status, headers));
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> to(String pathPart) {
        return requests.stream().filter(r -> r.path().contains(pathPart)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
