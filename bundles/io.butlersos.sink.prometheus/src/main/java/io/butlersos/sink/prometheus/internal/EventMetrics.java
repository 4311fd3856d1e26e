package io.butlersos.sink.prometheus.internal;

import static io.butlersos.sink.prometheus.internal.MetricFamily.counter;
import static io.butlersos.sink.prometheus.internal.MetricFamily.gauge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.events.EventCategory;
import io.butlersos.api.events.EventHeader;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.ReceiverMetrics;
import io.butlersos.api.events.RejectedCount;
import io.butlersos.api.events.RejectedEventCounts;
import io.butlersos.api.events.UserEvent;

/** Counters of the UDP event side, which Butler SOS does not expose to Prometheus at all. */
final class EventMetrics {

    static final MetricFamily LOG_EVENTS = counter("butlersos_log_events",
            "Log and QIX performance events received, by host, source, level and category");
    static final MetricFamily USER_EVENTS = counter("butlersos_user_events",
            "User events received, by host, command and origin");
    static final MetricFamily REJECTED = counter("butlersos_qix_perf_rejected_events",
            "QIX performance events the filters turned away, by app, method and object type");
    static final MetricFamily REJECTED_TIME = counter("butlersos_qix_perf_rejected_process_seconds",
            "Engine process time of the QIX performance events the filters turned away");
    static final MetricFamily UDP_RECEIVED = counter("butlersos_udp_messages_received",
            "Datagrams read from a UDP receiver's socket");
    static final MetricFamily UDP_PROCESSED = counter("butlersos_udp_messages_processed",
            "Datagrams parsed into an event");
    static final MetricFamily UDP_DROPPED = counter("butlersos_udp_messages_dropped",
            "Datagrams dropped, by reason (rate_limit, queue_full, size, source_denied, parse_error, ...)");
    static final MetricFamily UDP_QUEUE = gauge("butlersos_udp_queue_size", "Datagrams waiting for a parser");
    static final MetricFamily UDP_QUEUE_MAX = gauge("butlersos_udp_queue_capacity", "Hand-off capacity of a receiver");

    private final SeriesStore store;

    EventMetrics(SeriesStore store) {
        this.store = store;
    }

    void log(LogEvent e) {
        store.add(LOG_EVENTS, logLabels(e.header(), e.categories()), 1);
    }

    void qixPerf(QixPerfEvent e) {
        store.add(LOG_EVENTS, logLabels(e.header(), e.categories()), 1);
    }

    void user(UserEvent e) {
        store.add(USER_EVENTS, Map.of("host", e.host(), "command", e.command(), "origin", e.commandOrigin()), 1);
    }

    void rejected(RejectedEventCounts counts) {
        for (RejectedCount c : counts.counts()) {
            Map<String, String> labels = Map.of("source", c.source(), "app_id", c.appId(), "app_name", c.appName(),
                    "method", c.method(), "object_type", c.objectType());
            store.add(REJECTED, labels, c.counter());
            store.add(REJECTED_TIME, labels, c.processTime() / 1000.0);
        }
    }

    void receiver(ReceiverMetrics m) {
        Map<String, String> labels = Map.of("queue_type", m.queueType());
        store.add(UDP_RECEIVED, labels, m.received());
        store.add(UDP_PROCESSED, labels, m.processed());
        m.dropped().forEach((reason, count) ->
                store.add(UDP_DROPPED, Map.of("queue_type", m.queueType(), "reason", reason), count));
        store.set(UDP_QUEUE, labels, m.queueSize());
        store.set(UDP_QUEUE_MAX, labels, m.queueMaxSize());
    }

    /** Host, source and level, plus each category as a label of its own name, as InfluxDB tags them. */
    private static Map<String, String> logLabels(EventHeader header, List<EventCategory> categories) {
        Map<String, String> labels = new HashMap<>();
        for (EventCategory category : categories) {
            labels.put(category.name(), category.value());
        }
        labels.put("host", header.host());
        labels.put("source", header.source().label());
        labels.put("level", header.level());
        return labels;
    }
}
