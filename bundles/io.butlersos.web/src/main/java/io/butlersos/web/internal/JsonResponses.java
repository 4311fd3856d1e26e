package io.butlersos.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.butlersos.api.json.Json;
import jakarta.servlet.http.HttpServletResponse;

/** Writes a JSON answer. */
final class JsonResponses {

    private JsonResponses() {
    }

    static void send(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
