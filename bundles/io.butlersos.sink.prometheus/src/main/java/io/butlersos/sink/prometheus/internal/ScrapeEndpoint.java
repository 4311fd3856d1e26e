package io.butlersos.sink.prometheus.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: the JDK's own server (no servlet container) on one address and path. Only GET and
 * HEAD; the body is rendered per request from the store's current snapshot, gzipped when asked.
 */
final class ScrapeEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScrapeEndpoint.class);

    private final HttpServer server;
    private final ExecutorService threads;
    private final String url;

    /**
     * Starts listening at once.
     *
     * @throws IOException naming the address when it cannot be bound (in use, not local)
     */
    ScrapeEndpoint(String host, int port, String path, Supplier<MetricSnapshots> snapshots) throws IOException {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', not '" + path + "'");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "prometheus-scrape-" + port + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    reply(exchange, 404, "text/plain; charset=utf-8", ("Not found; metrics are at " + path + "\n").getBytes());
                } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    reply(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD\n".getBytes());
                } else {
                    scrape(exchange, snapshots);
                }
            } catch (RuntimeException | IOException e) {
                LOG.warn("Prometheus scrape on {}:{} failed: {}", host, port, e.toString());
            }
        });
        server.start();
        InetSocketAddress bound = server.getAddress();
        this.url = "http://" + host + ":" + bound.getPort() + path;
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:9842/metrics}; the real port when 0 was asked for. */
    String url() {
        return url;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void scrape(HttpExchange exchange, Supplier<MetricSnapshots> snapshots) throws IOException {
        ExpositionFormatWriter writer = Exposition.writerFor(exchange.getRequestHeaders().getFirst("Accept"));
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try {
            Exposition.write(writer, body, snapshots.get());
        } catch (RuntimeException e) {
            LOG.error("Cannot render the Prometheus metrics", e);
            reply(exchange, 500, "text/plain; charset=utf-8", ("Cannot render metrics: " + e.getMessage() + "\n").getBytes());
            return;
        }
        byte[] bytes = body.toByteArray();
        String encoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (encoding != null && encoding.contains("gzip")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(bytes.length / 4 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(bytes);
            }
            bytes = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        reply(exchange, 200, writer.getContentType(), bytes);
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
