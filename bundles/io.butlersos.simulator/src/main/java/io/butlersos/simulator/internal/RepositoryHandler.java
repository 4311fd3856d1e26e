package io.butlersos.simulator.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.butlersos.simulator.SenseWorld;

/**
 * {@code GET /qrs/app} on the repository port, 4242: the condensed app list. Requires the xrfkey pair
 * and an {@code X-Qlik-User} header, as the QRS does for certificate-authenticated calls.
 */
final class RepositoryHandler implements HttpHandler {

    private final SenseWorld world;
    private final Supplier<Instant> clock;

    RepositoryHandler(SenseWorld world, Supplier<Instant> clock) {
        this.world = world;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "Method not allowed");
        } else if (!"/qrs/app".equals(path) && !"/qrs/app/".equals(path)) {
            Exchanges.text(exchange, 404, "Not found");
        } else if (!Exchanges.xrfKeyChecked(exchange)) {
            return;
        } else if (exchange.getRequestHeaders().getFirst("X-Qlik-User") == null) {
            Exchanges.text(exchange, 403, "Forbidden: X-Qlik-User header missing");
        } else {
            Exchanges.json(exchange, 200, apps(clock.get()));
        }
    }

    List<Map<String, Object>> apps(Instant now) {
        // Apps come and go in the repository too: one app of every eleven is missing in odd minutes.
        long minute = now.getEpochSecond() / 60;
        List<Map<String, Object>> list = new ArrayList<>();
        int i = 0;
        for (SenseWorld.App app : world.apps()) {
            i++;
            if (i % 11 == 0 && minute % 2 == 1) {
                continue;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", app.id());
            a.put("name", app.name());
            a.put("appId", "");
            a.put("publishTime", "2024-01-01T00:00:00.000Z");
            a.put("published", true);
            a.put("stream", Map.of("id", UUID.nameUUIDFromBytes(app.stream().getBytes()).toString(),
                    "name", app.stream(), "privileges", List.of()));
            a.put("savedInProductVersion", "14.173.3");
            a.put("migrationHash", "");
            a.put("availabilityStatus", 0);
            a.put("privileges", List.of());
            list.add(a);
        }
        return list;
    }
}
