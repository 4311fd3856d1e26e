package io.butlersos.simulator.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.butlersos.simulator.SenseWorld;

/**
 * {@code GET /qps/{virtualproxy}/session} on the proxy's REST port, 4243; the default proxy answers
 * {@code /qps/session}. Unknown virtual proxies get 404, as on a real proxy.
 */
final class ProxyHandler implements HttpHandler {

    private final SenseWorld world;
    private final String node;
    private final Set<String> virtualProxies;
    private final Supplier<Instant> clock;

    /** @param virtualProxies prefixes without slashes; the empty string is the default proxy */
    ProxyHandler(SenseWorld world, String node, Set<String> virtualProxies, Supplier<Instant> clock) {
        this.world = world;
        this.node = node;
        this.virtualProxies = virtualProxies;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String prefix = prefixOf(path);
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "Method not allowed");
        } else if (prefix == null || !virtualProxies.contains(prefix)) {
            Exchanges.text(exchange, 404, "Not found");
        } else if (Exchanges.xrfKeyChecked(exchange)) {
            Exchanges.json(exchange, 200, sessions(prefix.isEmpty() ? "/" : "/" + prefix, clock.get()));
        }
    }

    /** {@code /qps/session} gives "", {@code /qps/hdr/session} gives "hdr", anything else null. */
    static String prefixOf(String path) {
        if ("/qps/session".equals(path)) {
            return "";
        }
        if (!path.startsWith("/qps/") || !path.endsWith("/session") || path.length() < "/qps/x/session".length()) {
            return null;
        }
        String middle = path.substring("/qps/".length(), path.length() - "/session".length());
        return middle.contains("/") ? null : middle;
    }

    List<Map<String, Object>> sessions(String virtualProxy, Instant now) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SenseWorld.Session s : world.sessionsAt(node, virtualProxy, now)) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("UserDirectory", s.userDirectory());
            session.put("UserId", s.userId());
            session.put("Attributes", List.of(Map.of("Group", s.group())));
            session.put("SessionId", s.sessionId());
            list.add(session);
        }
        return list;
    }
}
