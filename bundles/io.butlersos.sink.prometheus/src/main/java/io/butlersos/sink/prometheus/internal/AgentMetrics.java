package io.butlersos.sink.prometheus.internal;

import static io.butlersos.sink.prometheus.internal.MetricFamily.counter;
import static io.butlersos.sink.prometheus.internal.MetricFamily.gauge;
import static io.butlersos.sink.prometheus.internal.MetricFamily.histogram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.sense.PollResult;
import io.butlersos.api.sink.SinkStatus;

/** The agent's own health: poll outcomes and durations (from {@code sense.poll}), errors, memory and every output's delivery counters. */
final class AgentMetrics {

    static final MetricFamily POLLS = counter("butlersos_polls",
            "Polls of Sense servers, by server, poll (health, sessions, apps), virtual proxy and outcome (success, failure)");
    static final MetricFamily POLL_LAST_SUCCESS = gauge("butlersos_poll_last_success_timestamp_seconds",
            "When a poll of this server last succeeded, in Unix seconds");
    /** Prometheus's default buckets: from 5 ms to the 10 s of the longest default deadline (app names). */
    static final List<Double> POLL_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);
    static final MetricFamily POLL_DURATION = histogram("butlersos_poll_duration_seconds",
            "Time from sending a poll's request to its verdict (answer read, or deadline passed), by server, poll, "
                    + "virtual proxy and outcome", POLL_BUCKETS);
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

    /**
     * One poll attempt: counted by outcome and, when a request went out, timed. The success time is
     * per server and poll kind (any virtual proxy), as alert rules ask "has this server answered lately".
     */
    void poll(PollResult r) {
        Map<String, String> labels = new HashMap<>();
        labels.put("server_name", r.origin());
        labels.put("poll", r.kind().label());
        labels.put("virtual_proxy", r.virtualProxy()); // empty (so left out) but for session polls
        labels.put("outcome", r.outcome());
        store.add(POLLS, labels, 1);
        r.requestDuration().ifPresent(d -> store.observe(POLL_DURATION, labels, d.toNanos() / 1e9));
        if (r.succeeded()) {
            store.set(POLL_LAST_SUCCESS, Map.of("server_name", r.origin(), "poll", r.kind().label()),
                    r.time().toEpochMilli() / 1000.0);
        }
    }

    void error(ErrorSignal e) {
        store.add(ERRORS, Map.of("error_type", e.errorType(), "category", e.category().label(),
                "server_name", e.serverName()), 1);
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
