package io.butlersos.sink.influxdb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.butlersos.api.json.Json;

/**
 * A stand-in for the InfluxDB 2.x and 3.x write APIs (no such server can be had here), checking what
 * their documentation asks for: the path, the query parameters, the {@code Token}/{@code Bearer}
 * header, the precision names and gzip; each body goes through {@link LineProtocolParser}, and lines
 * it cannot read are refused the way the real server words it.
 */
final class FakeInfluxServer implements AutoCloseable {

    static final String TOKEN = "s3cr3t-token";

    record Request(String path, Map<String, String> query, Headers headers, String body,
            List<LineProtocolParser.Line> lines) {
    }

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    private static final Set<String> V2_PRECISIONS = Set.of("ns", "us", "ms", "s");
    private static final Set<String> V3_PRECISIONS = Set.of("nanosecond", "microsecond", "millisecond", "second",
            "auto");

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<LineProtocolParser.Line> stored = new CopyOnWriteArrayList<>();
    private final int version;
    private final HttpServer server;
    /** Overrides the answer; null means: check and store like the real server. */
    volatile Function<Request, Reply> responder;

    private FakeInfluxServer(int version, SSLContext tls) throws IOException {
        this.version = version;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    static FakeInfluxServer v2() throws IOException {
        return new FakeInfluxServer(2, null);
    }

    static FakeInfluxServer v3() throws IOException {
        return new FakeInfluxServer(3, null);
    }

    static FakeInfluxServer https(int version, SSLContext tls) throws IOException {
        return new FakeInfluxServer(version, tls);
    }

    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                    raw = in.readAllBytes();
                }
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            Request request = new Request(uri.getPath(), query(uri.getRawQuery()), exchange.getRequestHeaders(),
                    body, List.of());
            Reply reply;
            Function<Request, Reply> override = responder;
            if (override != null) {
                requests.add(request);
                reply = override.apply(request);
            } else {
                reply = check(request);
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            if (!reply.body().isEmpty()) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    /** What the real server checks, in its order: path, auth, target, precision, then each line. */
    private Reply check(Request request) {
        String expectedPath = version == 2 ? "/api/v2/write" : "/api/v3/write_lp";
        if (!request.path().equals(expectedPath)) {
            requests.add(request);
            return Reply.of(404, version == 2 ? "{\"code\":\"not found\",\"message\":\"path not found\"}" : "");
        }
        String auth = request.headers().getFirst("Authorization");
        String expectedAuth = (version == 2 ? "Token " : "Bearer ") + TOKEN;
        if (!expectedAuth.equals(auth)) {
            requests.add(request);
            return Reply.of(401, version == 2 ? "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}"
                    : "{\"error\":\"the request was not authenticated\"}");
        }
        String precision = request.query().get("precision");
        if (version == 2 && (!"myorg".equals(request.query().get("org"))
                || !"mybucket".equals(request.query().get("bucket")))) {
            requests.add(request);
            return Reply.of(404, "{\"code\":\"not found\",\"message\":\"bucket \\\"" + request.query().get("bucket")
                    + "\\\" not found\"}");
        }
        if (version == 3 && (request.query().get("db") == null || request.query().get("db").isEmpty())) {
            requests.add(request);
            return Reply.of(400, "{\"error\":\"missing db\"}");
        }
        if (!(version == 2 ? V2_PRECISIONS : V3_PRECISIONS).contains(precision)) {
            requests.add(request);
            return Reply.of(400, "{\"error\":\"invalid precision " + precision + "\"}");
        }
        List<LineProtocolParser.Line> good = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        List<String> lines = LineProtocolParser.splitLines(request.body());
        for (int i = 0; i < lines.size(); i++) {
            try {
                good.add(LineProtocolParser.parseLine(lines.get(i), version == 3));
            } catch (LineProtocolParser.ParseException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("original_line", lines.get(i));
                error.put("line_number", i + 1);
                error.put("error_message", e.getMessage());
                errors.add(error);
            }
        }
        requests.add(new Request(request.path(), request.query(), request.headers(), request.body(), good));
        stored.addAll(good);
        if (errors.isEmpty()) {
            return Reply.of(204, "");
        }
        if (version == 3) {
            return Reply.of(400, Json.write(Map.of("error", "partial write of line protocol occurred",
                    "data", errors)));
        }
        StringBuilder message = new StringBuilder("partial write error (" + good.size() + " written):");
        errors.forEach(e -> message.append(" unable to parse '").append(e.get("original_line")).append("': bad line;"));
        return Reply.of(400, Json.write(Map.of("code", "invalid", "message", message.toString())));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            map.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return map;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
