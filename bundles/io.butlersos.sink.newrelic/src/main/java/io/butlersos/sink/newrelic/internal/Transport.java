package io.butlersos.sink.newrelic.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.butlersos.api.sink.SinkException;

/**
 * Sends one body and turns New Relic's answer into the core's terms: 2xx delivered; 408, 429 and 5xx
 * retriable (honouring {@code Retry-After}); 413 too large; other 4xx refused for good. The insert
 * key goes only into the {@code Api-Key} header and never into a message.
 */
final class Transport {

    /** What a refused request says, for the sink to attach to the right signals. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final String insertKey;
    private final boolean gzip;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final String account;
    private final String userAgent;

    Transport(String account, String insertKey, boolean gzip, Duration timeout, String[] extraHeaders, String version) {
        if (insertKey == null || insertKey.isBlank()) {
            throw new IllegalArgumentException("the insert key of New Relic account '" + account
                    + "' is empty: set .insert.key");
        }
        this.account = account;
        this.insertKey = insertKey.trim();
        this.gzip = gzip;
        this.timeout = timeout;
        this.headers = parseHeaders(extraHeaders);
        this.userAgent = "butler-sos-java/" + version;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        // Refuse headers java.net.http does not allow (Host, Content-Length, ...) now, not at the first send.
        request(URI.create("https://localhost/"), new byte[0]);
    }

    /**
     * @throws SinkException retriable or too large
     * @throws Refused when New Relic refused the request for good
     */
    void post(String api, URI uri, byte[] body) throws SinkException, Refused, InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.send(request(uri, body), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SinkException.retriable("New Relic " + api + " at " + uri.getHost() + " unreachable for account '"
                    + account + "': " + e, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String what = "New Relic " + api + " answered " + status + " for account '" + account + "'"
                + detail(response.body());
        if (status == 413) {
            throw SinkException.batchTooLarge(what);
        }
        if (status == 408 || status == 429 || status >= 500) {
            Optional<Duration> after = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
            throw after.isPresent() ? SinkException.retriableAfter(what, after.get())
                    : SinkException.retriable(what, null);
        }
        throw new Refused(what);
    }

    private HttpRequest request(URI uri, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        b.setHeader("Content-Type", "application/json");
        b.setHeader("User-Agent", userAgent);
        b.setHeader("Api-Key", insertKey);
        if (gzip) {
            b.setHeader("Content-Encoding", "gzip");
        }
        return b.build();
    }

    private static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ").trim();
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }

    /** {@code Retry-After} as seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> parseHeaders(String[] entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("headers entries are 'Name: value', not '" + entry + "'");
            }
            out.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return out;
    }
}
