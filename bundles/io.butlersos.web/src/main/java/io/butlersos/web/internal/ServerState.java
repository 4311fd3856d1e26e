package io.butlersos.web.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;

/** One Sense server on the status page: its latest health and sessions, and their recent history. */
final class ServerState {

    /** Most virtual proxies tracked per server. */
    private static final int MAX_PROXIES = 100;

    final String name;
    HealthSample health;
    private final Map<String, ProxySessions> proxies = new TreeMap<>();
    private Instant lastSeen = Instant.EPOCH;
    private final Map<String, TimeSeries> lines = new LinkedHashMap<>();

    ServerState(String name, int points) {
        this.name = name;
        resize(points);
    }

    void resize(int points) {
        for (String line : List.of("cpu", "memory", "sessions", "users", "apps")) {
            lines.put(line, new TimeSeries(points));
        }
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void health(HealthSample h) {
        if (health == null || !h.time().isBefore(health.time())) {
            health = h;
        }
        seen(h.time());
        long t = h.time().toEpochMilli();
        if (h.cpuTotal() != null) {
            lines.get("cpu").add(t, h.cpuTotal());
        }
        if (h.mem().allocated() != null) {
            lines.get("memory").add(t, h.mem().allocated());
        }
        if (h.session().active() != null) {
            lines.get("sessions").add(t, h.session().active());
        }
        if (h.users().active() != null) {
            lines.get("users").add(t, h.users().active());
        }
        if (h.apps().active() != null) {
            lines.get("apps").add(t, h.apps().active().count());
        }
    }

    void sessions(ProxySessions p) {
        if (proxies.size() < MAX_PROXIES || proxies.containsKey(p.virtualProxy())) {
            proxies.put(p.virtualProxy(), p);
        }
        seen(p.time());
    }

    private void seen(Instant time) {
        if (time.isAfter(lastSeen)) {
            lastSeen = time;
        }
    }

    void trim(long oldestEpochMillis) {
        lines.values().forEach(l -> l.trim(oldestEpochMillis));
    }

    Map<String, Object> view(ErrorSignal lastError) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("lastSeen", lastSeen);
        if (health != null) {
            view.put("host", health.tags().getOrDefault("host", ""));
            view.put("description", health.tags().getOrDefault("server_description", ""));
            view.put("lastSample", health.time());
            view.put("version", health.version());
            view.put("uptime", health.uptimeText());
            view.put("saturated", health.saturated());
            view.put("cpu", health.cpuTotal());
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("committed", health.mem().committed());
            memory.put("allocated", health.mem().allocated());
            memory.put("free", health.mem().free());
            view.put("memory", memory);
            view.put("sessions", activeTotal(health.session()));
            view.put("users", activeTotal(health.users()));
            Map<String, Object> apps = new LinkedHashMap<>();
            apps.put("active", count(health.apps().active()));
            apps.put("loaded", count(health.apps().loaded()));
            apps.put("inMemory", count(health.apps().inMemory()));
            view.put("apps", apps);
        }
        List<Object> proxyViews = new ArrayList<>();
        for (ProxySessions p : proxies.values()) {
            Map<String, Object> pv = new LinkedHashMap<>();
            pv.put("virtualProxy", p.virtualProxy());
            pv.put("time", p.time());
            pv.put("sessions", p.sessionCount());
            pv.put("users", p.uniqueUsers().size());
            proxyViews.add(pv);
        }
        view.put("proxySessions", proxyViews);
        view.put("lastError", lastError == null ? null : StatusBoard.errorView(lastError));
        view.put("history", StatusBoard.chart(lines));
        return view;
    }

    private static Map<String, Object> activeTotal(ActiveTotal value) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("active", value.active());
        view.put("total", value.total());
        return view;
    }

    private static Integer count(DocList docs) {
        return docs == null ? null : docs.count();
    }
}
