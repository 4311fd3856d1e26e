package io.butlersos.itest.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to the web endpoints, answering null while nothing listens yet. */
final class WebClient {

    record Answer(int status, String body, String header) {
    }

    private final HttpClient client;
    private final String base;

    WebClient(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    static WebClient plain(int port) {
        return new WebClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                "http://127.0.0.1:" + port);
    }

    String base() {
        return base;
    }

    Answer get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    Answer get(String path) {
        return get(path, null);
    }

    static int freePort() throws IOException {
        return io.butlersos.itest.FreePorts.port();
    }
}
