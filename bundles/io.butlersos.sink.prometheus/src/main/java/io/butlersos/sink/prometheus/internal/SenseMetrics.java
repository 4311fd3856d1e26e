package io.butlersos.sink.prometheus.internal;

import static io.butlersos.sink.prometheus.internal.MetricFamily.totalNamedGauge;
import static io.butlersos.sink.prometheus.internal.MetricFamily.gauge;

import java.util.HashMap;
import java.util.Map;

import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;

/**
 * Engine health and proxy sessions under Butler SOS's {@code butlersos_*} names and labels (the
 * server tags: {@code host}, {@code server_name}, {@code server_description} and custom tags).
 *
 * <p>Butler SOS declares every one of them a gauge, including seven whose names end in {@code _total}.
 * The Prometheus client reserves that suffix for counters, so those seven are exposed as counters
 * named without it; on the wire the name is Butler SOS's, only the {@code # TYPE} line differs.
 */
final class SenseMetrics {

    private static final double MB = 1048576.0;

    static final MetricFamily APPS_CALLS = gauge("butlersos_apps_calls", "Engine calls (apps.calls)");
    static final MetricFamily APPS_SELECTIONS = gauge("butlersos_apps_selections", "Engine selections (apps.selections)");
    static final MetricFamily APPS_ACTIVE = totalNamedGauge("butlersos_apps_activedocs",
            "Number of active apps (a current count; typed counter for its Butler SOS name)");
    static final MetricFamily APPS_IN_MEMORY = totalNamedGauge("butlersos_apps_inmemorydocs",
            "Number of apps in memory (a current count; typed counter for its Butler SOS name)");
    static final MetricFamily APPS_LOADED = totalNamedGauge("butlersos_apps_loadeddocs",
            "Number of loaded apps (a current count; typed counter for its Butler SOS name)");
    static final MetricFamily CACHE_ADDED = gauge("butlersos_cache_added", "Engine cache objects added");
    static final MetricFamily CACHE_BYTES_ADDED = gauge("butlersos_cache_bytes_added", "Engine cache bytes added");
    static final MetricFamily CACHE_HITS = gauge("butlersos_cache_hits", "Engine cache hits");
    static final MetricFamily CACHE_LOOKUPS = gauge("butlersos_cache_lookups", "Engine cache lookups");
    static final MetricFamily CACHE_REPLACED = gauge("butlersos_cache_replaced", "Engine cache objects replaced");
    static final MetricFamily SATURATED = gauge("butlersos_cache_saturated", "1 when the engine reports saturation");
    static final MetricFamily CPU = totalNamedGauge("butlersos_cpu",
            "Engine CPU use in percent (a current value; typed counter for its Butler SOS name butlersos_cpu_total)");
    static final MetricFamily MEM_COMMITTED = gauge("butlersos_mem_committed", "Engine committed memory in bytes");
    static final MetricFamily MEM_ALLOCATED = gauge("butlersos_mem_allocated", "Engine allocated memory in bytes");
    static final MetricFamily MEM_FREE = gauge("butlersos_mem_free", "Engine free memory in bytes");
    static final MetricFamily SESSION_ACTIVE = gauge("butlersos_session_active", "Active engine sessions");
    static final MetricFamily SESSION_TOTAL = totalNamedGauge("butlersos_session",
            "Engine sessions (a current count; typed counter for its Butler SOS name butlersos_session_total)");
    static final MetricFamily USERS_ACTIVE = gauge("butlersos_users_active", "Active engine users");
    static final MetricFamily USERS_TOTAL = totalNamedGauge("butlersos_users",
            "Engine users (a current count; typed counter for its Butler SOS name butlersos_users_total)");
    static final MetricFamily ENGINE_METADATA = gauge("butlersos_engine_metadata",
            "Always 1; labels carry the engine version and start time");
    static final MetricFamily USER_SESSIONS = totalNamedGauge("butlersos_user_session",
            "Proxy sessions per virtual proxy (a current count; typed counter for its Butler SOS name)");

    // Not in Butler SOS.
    static final MetricFamily ENGINE_UPTIME = gauge("butlersos_engine_uptime_seconds",
            "Seconds since the engine started, at the last poll");
    static final MetricFamily USER_SESSION_USERS = gauge("butlersos_user_session_users",
            "Distinct users with a proxy session per virtual proxy");

    private final SeriesStore store;

    SenseMetrics(SeriesStore store) {
        this.store = store;
    }

    void health(HealthSample s) {
        Map<String, String> labels = s.tags();
        if (!s.apps().isAbsent()) {
            setIfPresent(APPS_CALLS, labels, s.apps().calls());
            setIfPresent(APPS_SELECTIONS, labels, s.apps().selections());
            store.set(APPS_ACTIVE, labels, count(s.apps().active()));
            store.set(APPS_IN_MEMORY, labels, count(s.apps().inMemory()));
            store.set(APPS_LOADED, labels, count(s.apps().loaded()));
        }
        setIfPresent(CACHE_ADDED, labels, s.cache().added());
        setIfPresent(CACHE_BYTES_ADDED, labels, s.cache().bytesAdded());
        setIfPresent(CACHE_HITS, labels, s.cache().hits());
        setIfPresent(CACHE_LOOKUPS, labels, s.cache().lookups());
        setIfPresent(CACHE_REPLACED, labels, s.cache().replaced());
        if (s.saturated() != null) {
            store.set(SATURATED, labels, s.saturated() ? 1 : 0);
        }
        if (s.cpuTotal() != null) {
            store.set(CPU, labels, s.cpuTotal());
        }
        setMegabytes(MEM_COMMITTED, labels, s.mem().committed());
        setMegabytes(MEM_ALLOCATED, labels, s.mem().allocated());
        setMegabytes(MEM_FREE, labels, s.mem().free());
        activeTotal(SESSION_ACTIVE, SESSION_TOTAL, labels, s.session());
        activeTotal(USERS_ACTIVE, USERS_TOTAL, labels, s.users());

        // One metadata series per server: drop the one of the previous engine version or start.
        Map<String, String> meta = new HashMap<>(labels);
        meta.put("engine_version", s.version() == null ? "" : s.version());
        meta.put("engine_started", s.started() == null ? "" : s.started());
        Map<String, String> server = SeriesStore.sanitized(labels);
        store.remove(ENGINE_METADATA, l -> sameServer(l, server));
        store.set(ENGINE_METADATA, meta, 1);
        s.uptime().ifPresent(up -> store.set(ENGINE_UPTIME, labels, up.toMillis() / 1000.0));
    }

    void sessions(ProxySessions s) {
        Map<String, String> labels = s.sessionTags();
        store.set(USER_SESSIONS, labels, s.sessionCount());
        store.set(USER_SESSION_USERS, labels, s.uniqueUsers().size());
    }

    private static boolean sameServer(Map<String, String> series, Map<String, String> server) {
        for (Map.Entry<String, String> e : server.entrySet()) {
            if (!e.getValue().equals(series.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static int count(DocList docs) {
        return docs == null ? 0 : docs.count();
    }

    private void activeTotal(MetricFamily active, MetricFamily total, Map<String, String> labels, ActiveTotal value) {
        setIfPresent(active, labels, value.active());
        setIfPresent(total, labels, value.total());
    }

    private void setIfPresent(MetricFamily family, Map<String, String> labels, Long value) {
        if (value != null) {
            store.set(family, labels, value);
        }
    }

    private void setMegabytes(MetricFamily family, Map<String, String> labels, Double megabytes) {
        if (megabytes != null && Double.isFinite(megabytes)) {
            store.set(family, labels, megabytes * MB);
        }
    }
}
