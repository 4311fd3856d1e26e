package io.butlersos.simulator.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.butlersos.simulator.SenseWorld;

/** {@code GET /engine/healthcheck} (and {@code /healthcheck}) on the engine port, 4747. */
final class EngineHandler implements HttpHandler {

    static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSxx");

    private final SenseWorld world;
    private final String node;
    private final String version;
    private final Supplier<Instant> clock;

    EngineHandler(SenseWorld world, String node, String version, Supplier<Instant> clock) {
        this.world = world;
        this.node = node;
        this.version = version;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "Method not allowed");
        } else if ("/engine/healthcheck".equals(path) || "/healthcheck".equals(path)) {
            Exchanges.json(exchange, 200, body(clock.get()));
        } else {
            Exchanges.text(exchange, 404, "Not found");
        }
    }

    /** The shape of a Sense engine's answer (February 2024 and later), extra members included. */
    Map<String, Object> body(Instant now) {
        SenseWorld.EngineState e = world.engineAt(node, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("started", STARTED.format(world.epoch().atOffset(ZoneOffset.UTC)));
        body.put("mem", ordered("committed", e.memCommitted(), "allocated", e.memAllocated(),
                "free", e.memFree(), "totalPhysical", e.memTotalPhysical()));
        body.put("cpu", ordered("total", e.cpuTotal()));
        body.put("session", ordered("active", e.sessionsActive(), "total", e.sessionsTotal()));
        body.put("apps", ordered("active_docs", e.activeDocs(), "in_memory_docs", e.inMemoryDocs(),
                "loaded_docs", e.loadedDocs(), "calls", e.calls(), "selections", e.selections()));
        body.put("users", ordered("active", e.usersActive(), "total", e.usersTotal()));
        body.put("cache", ordered("hits", e.cacheHits(), "lookups", e.cacheLookups(), "added", e.cacheAdded(),
                "replaced", e.cacheReplaced(), "bytes_added", e.cacheBytesAdded()));
        body.put("saturated", e.saturated());
        return body;
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
