package io.butlersos.sink.prometheus.internal;

import static io.butlersos.sink.prometheus.internal.MetricFamily.counter;
import static io.butlersos.sink.prometheus.internal.MetricFamily.gauge;

import java.util.Map;
import java.util.Set;

import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.api.sink.SinkStatus;

/** The agent's own health: poll outcomes, errors, memory and every output's delivery counters. */
final class AgentMetrics {

    /** Butler SOS error types of a failed health or session poll. */
    private static final Map<String, String> POLL_ERRORS = Map.of("HEALTH_API", "health", "PROXY_API", "sessions");

    static final MetricFamily POLLS = counter("butlersos_polls",
            "Polls of Sense servers, by server, poll (health, sessions) and outcome (success, failure)");
    static final MetricFamily POLL_LAST_SUCCESS = gauge("butlersos_poll_last_success_timestamp_seconds",
            "When a poll of this server last succeeded, in Unix seconds");
    static final MetricFamily ERRORS = counter("butlersos_errors",
            "Failures of any part of the agent, by error type, category and server");
    static final MetricFamily AGENT_UPTIME = gauge("butlersos_agent_uptime_seconds", "How long the agent has run");
    static final MetricFamily AGENT_HEAP_USED = gauge("butlersos_agent_heap_used_bytes", "Java heap in use");
    static final MetricFamily AGENT_HEAP_COMMITTED = gauge("butlersos_agent_heap_committed_bytes",
            "Java heap reserved from the system");
    static final MetricFamily AGENT_PROCESS_MEMORY = gauge("butlersos_agent_process_memory_bytes",
            "Resident memory of the agent process");
    static final MetricFamily AGENT_THREADS = gauge("butlersos_agent_threads", "Live JVM threads");
    static final MetricFamily SINK_DELIVERED = counter("butlersos_sink_delivered", "Signals an output delivered");
    static final MetricFamily SINK_BATCHES = counter("butlersos_sink_batches", "Successful writes of an output");
    static final MetricFamily SINK_RETRIES = counter("butlersos_sink_retries", "Failed writes that were retried");
    static final MetricFamily SINK_TIMEOUTS = counter("butlersos_sink_timeouts",
            "Writes interrupted at their deadline");
    static final MetricFamily SINK_DROPPED = counter("butlersos_sink_dropped",
            "Signals an output dropped, by reason (queue_full, rejected, too_large)");
    static final MetricFamily SINK_QUEUE = gauge("butlersos_sink_queue_size", "Signals waiting for an output");
    static final MetricFamily SINK_QUEUE_CAPACITY = gauge("butlersos_sink_queue_capacity",
            "The most signals that may wait for an output");
    static final MetricFamily SINK_ATTACHED = gauge("butlersos_sink_attached", "1 while the output is bound");
    static final MetricFamily SINK_WRITE_AVG = gauge("butlersos_sink_write_seconds_avg", "Mean write duration");
    static final MetricFamily SINK_WRITE_MAX = gauge("butlersos_sink_write_seconds_max", "Longest write duration");
    static final MetricFamily SINK_LAST_SUCCESS = gauge("butlersos_sink_last_success_timestamp_seconds",
            "When a write last succeeded, in Unix seconds");

    private final SeriesStore store;

    AgentMetrics(SeriesStore store) {
        this.store = store;
    }

    void pollSucceeded(HealthSample sample) {
        pollSucceeded(sample.origin(), "health", sample.time().toEpochMilli());
    }

    void pollSucceeded(ProxySessions sessions) {
        pollSucceeded(sessions.origin(), "sessions", sessions.time().toEpochMilli());
    }

    private void pollSucceeded(String server, String poll, long epochMillis) {
        store.add(POLLS, Map.of("server_name", server, "poll", poll, "outcome", "success"), 1);
        store.set(POLL_LAST_SUCCESS, Map.of("server_name", server, "poll", poll), epochMillis / 1000.0);
    }

    void error(ErrorSignal e) {
        store.add(ERRORS, Map.of("error_type", e.errorType(), "category", e.category().label(),
                "server_name", e.serverName()), 1);
        String poll = POLL_ERRORS.get(e.errorType());
        if (poll != null) {
            store.add(POLLS, Map.of("server_name", e.serverName(), "poll", poll, "outcome", "failure"), 1);
        }
    }

    void stats(AgentStats s) {
        Map<String, String> labels = Map.of("butler_sos_instance", s.origin(), "version", s.version());
        store.set(AGENT_UPTIME, labels, s.uptime().toMillis() / 1000.0);
        store.set(AGENT_HEAP_USED, labels, s.heapUsedBytes());
        store.set(AGENT_HEAP_COMMITTED, labels, s.heapCommittedBytes());
        store.set(AGENT_PROCESS_MEMORY, labels, s.processMemoryBytes());
        store.set(AGENT_THREADS, labels, s.threadCount());
    }

    void sink(SinkStatus s) {
        Map<String, String> labels = Map.of("sink", s.sinkName(), "sink_id", s.sinkId());
        // The core's counters are running totals already: set, never add.
        store.set(SINK_DELIVERED, labels, s.delivered());
        store.set(SINK_BATCHES, labels, s.batches());
        store.set(SINK_RETRIES, labels, s.retries());
        store.set(SINK_TIMEOUTS, labels, s.timeouts());
        for (String reason : Set.of(SinkStatus.DROP_QUEUE_FULL, SinkStatus.DROP_REJECTED, SinkStatus.DROP_TOO_LARGE)) {
            store.set(SINK_DROPPED, Map.of("sink", s.sinkName(), "sink_id", s.sinkId(), "reason", reason),
                    s.dropped().getOrDefault(reason, 0L));
        }
        store.set(SINK_QUEUE, labels, s.queueSize());
        store.set(SINK_QUEUE_CAPACITY, labels, s.queueCapacity());
        store.set(SINK_ATTACHED, labels, s.attached() ? 1 : 0);
        store.set(SINK_WRITE_AVG, labels, s.writeTimeAvgMs() / 1000.0);
        store.set(SINK_WRITE_MAX, labels, s.writeTimeMaxMs() / 1000.0);
        if (s.lastSuccess() != null) {
            store.set(SINK_LAST_SUCCESS, labels, s.lastSuccess().toEpochMilli() / 1000.0);
        }
    }
}
