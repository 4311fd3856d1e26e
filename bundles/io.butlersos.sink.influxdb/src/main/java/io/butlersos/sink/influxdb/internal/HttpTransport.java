package io.butlersos.sink.influxdb.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import javax.net.ssl.SSLContext;

/** One {@link HttpClient} per sink instance, HTTP/1.1 (InfluxDB 1.x speaks nothing else), closed with the sink. */
final class HttpTransport implements AutoCloseable {

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration timeout;
    private final boolean gzip;

    HttpTransport(SSLContext tls, Duration timeout, boolean gzip, String threadName) {
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .sslContext(tls)
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.gzip = gzip;
    }

    /** POSTs a body; the caller decides what the status means. */
    HttpResponse<String> post(URI uri, byte[] body, String contentType, String authorization)
            throws IOException, InterruptedException {
        return client.send(request(uri, body, contentType, authorization), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a body without waiting; each request in flight at once takes its own connection. */
    CompletableFuture<HttpResponse<String>> postAsync(URI uri, byte[] body, String contentType,
            String authorization) {
        return client.sendAsync(request(uri, body, contentType, authorization), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(URI uri, byte[] body, String contentType, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("Accept", "application/json");
        byte[] payload = body;
        if (gzip) {
            payload = gzip(body);
            request.header("Content-Encoding", "gzip");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        return request.build();
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
            zip.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
