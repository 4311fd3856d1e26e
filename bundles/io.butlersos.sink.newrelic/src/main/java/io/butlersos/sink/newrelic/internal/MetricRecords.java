package io.butlersos.sink.newrelic.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;

/**
 * Health, sessions and agent stats as Metric API blocks, with Butler SOS's metric names (its typos
 * {@code qs_memCommited} and {@code qs_cacheaAdded} included, so existing dashboards keep working).
 * One block per signal: {@code {"common":{"timestamp":..,"attributes":{..}},"metrics":[..]}}.
 */
final class MetricRecords {

    private static final double MB = 1048576.0;

    private final Attributes extra;

    MetricRecords(Attributes extra) {
        this.extra = extra;
    }

    Map<String, Object> health(HealthSample s) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        megabytes(metrics, "qs_memCommited", s.mem().committed());
        megabytes(metrics, "qs_memAllocated", s.mem().allocated());
        megabytes(metrics, "qs_memFree", s.mem().free());
        gauge(metrics, "qs_cpuTotal", s.cpuTotal());
        gauge(metrics, "qs_engineCalls", s.apps().calls());
        gauge(metrics, "qs_engineSelections", s.apps().selections());
        gauge(metrics, "qs_engineSessionsActive", s.session().active());
        gauge(metrics, "qs_engineSessionsTotal", s.session().total());
        gauge(metrics, "qs_engineUsersActive", s.users().active());
        gauge(metrics, "qs_engineUsersTotal", s.users().total());
        if (s.saturated() != null) {
            gauge(metrics, "qs_engineSaturated", s.saturated() ? 1 : 0);
        }
        if (!s.apps().isAbsent()) {
            gauge(metrics, "qs_docsActiveCount", count(s.apps().active()));
            gauge(metrics, "qs_docsLoadedCount", count(s.apps().loaded()));
            gauge(metrics, "qs_docsInMemoryCount", count(s.apps().inMemory()));
        }
        gauge(metrics, "qs_cacheHits", s.cache().hits());
        gauge(metrics, "qs_cacheLookups", s.cache().lookups());
        gauge(metrics, "qs_cacheaAdded", s.cache().added()); // sic, Butler SOS's name
        gauge(metrics, "qs_cacheReplaced", s.cache().replaced());
        gauge(metrics, "qs_cacheBytesAdded", s.cache().bytesAdded());
        return block(s.time().toEpochMilli(), new LinkedHashMap<>(s.tags()), metrics);
    }

    Map<String, Object> sessions(ProxySessions s) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        gauge(metrics, "qs_proxySessions", s.sessionCount());
        return block(s.time().toEpochMilli(), new LinkedHashMap<>(s.sessionTags()), metrics);
    }

    Map<String, Object> agent(AgentStats s) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        gauge(metrics, "qs_butlerSosHeapUsed", s.heapUsedBytes());
        gauge(metrics, "qs_butlerSosHeapTotal", s.heapCommittedBytes());
        gauge(metrics, "qs_butlerSosExternalMem", s.nonHeapUsedBytes());
        gauge(metrics, "qs_butlerSosProcessMem", s.processMemoryBytes());
        gauge(metrics, "qs_butlerSosUptimeMillisec", s.uptime().toMillis());
        Map<String, Object> attributes = new LinkedHashMap<>(s.tags());
        attributes.put("butler_sos_instance", s.origin());
        attributes.put("version", s.version());
        return block(s.time().toEpochMilli(), attributes, metrics);
    }

    private Map<String, Object> block(long timestamp, Map<String, Object> attributes, List<Map<String, Object>> metrics) {
        extra.asMap().forEach(attributes::putIfAbsent);
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("timestamp", timestamp);
        common.put("attributes", Limits.apply(attributes, Limits.METRIC_MAX_ATTRIBUTES, Limits.METRIC_MAX_VALUE_CHARS));
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("common", common);
        block.put("metrics", metrics);
        return block;
    }

    private static int count(DocList docs) {
        return docs == null ? 0 : docs.count();
    }

    private static void megabytes(List<Map<String, Object>> metrics, String name, Double mb) {
        if (mb != null && Double.isFinite(mb)) {
            gauge(metrics, name, mb * MB);
        }
    }

    private static void gauge(List<Map<String, Object>> metrics, String name, Number value) {
        if (value != null) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("name", name);
            metric.put("type", "gauge");
            metric.put("value", value);
            metrics.add(metric);
        }
    }
}
