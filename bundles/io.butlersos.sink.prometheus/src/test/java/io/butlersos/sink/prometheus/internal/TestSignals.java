package io.butlersos.sink.prometheus.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.events.AuditDetails;
import io.butlersos.api.events.EventCategory;
import io.butlersos.api.events.EventHeader;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.ReceiverMetrics;
import io.butlersos.api.events.RejectedCount;
import io.butlersos.api.events.RejectedEventCounts;
import io.butlersos.api.events.SenseUser;
import io.butlersos.api.events.TimeSource;
import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.api.events.UserEvent;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.EngineApps;
import io.butlersos.api.sense.EngineCache;
import io.butlersos.api.sense.EngineMemory;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.PollResult;
import io.butlersos.api.sense.ProxySession;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.api.sink.SinkStatus;

/** Signals with known values, as the sources publish them. */
final class TestSignals {

    static final Instant T = Instant.parse("2026-11-29T01:00:00Z");

    private TestSignals() {
    }

    static Map<String, String> serverTags(String server) {
        return Map.of("host", server + ".lab", "server_name", server, "server_description", "Central node",
                "qs_env", "prod");
    }

    static HealthSample health(String server, String version) {
        DocList active = new DocList(List.of("a1", "a2"), List.of(), List.of(), false, false);
        DocList loaded = new DocList(List.of("a1", "a2", "a3"), List.of(), List.of(), false, false);
        DocList inMemory = new DocList(List.of("a1", "a2", "a3", "a4"), List.of(), List.of(), false, false);
        return new HealthSample(T, server, serverTags(server), "https://" + server + ".lab:4747/engine/healthcheck/",
                version, "20261128T081530.000+0100", Instant.parse("2026-11-28T07:15:30Z"),
                new EngineMemory(1024.0, 512.5, 20480.0), 12.5, new ActiveTotal(3L, 7L), new ActiveTotal(2L, 5L),
                new EngineApps(active, loaded, inMemory, 1500L, 42L), new EngineCache(100L, 400L, 10L, 2L, 2048L),
                Boolean.FALSE);
    }

    static ProxySessions sessions(String server) {
        return new ProxySessions(T, server, serverTags(server), "/", server + ".lab:4243", List.of(
                new ProxySession("LAB", "anna", "s1", List.of(), false),
                new ProxySession("LAB", "anna", "s2", List.of(), false),
                new ProxySession("LAB", "sa_scheduler", "s3", List.of(), true)));
    }

    static LogEvent log(String level, LogSource source, String category) {
        EventHeader header = new EventHeader(source, 7, "20261129T010000.000+0100", "2026-11-29 01:00:00,000",
                level, "sense1.lab", "Audit.Proxy", "LAB\\qlikservice", T, TimeSource.SENSE_ISO);
        List<EventCategory> categories = category == null ? List.of()
                : List.of(new EventCategory("qs_log_category", category));
        return new LogEvent(T, Map.of(), header, "Access denied", "", SenseUser.of("LAB", "anna", null),
                new AuditDetails("Login", "403", "AppAccess", "/hub"), categories);
    }

    static UserEvent user(String command) {
        return new UserEvent(T, Map.of(), "qseow-proxy-session", "sense1.lab", command,
                SenseUser.of("LAB", "anna", null), "AppAccess", "/hub/", "Start session for user", "", "",
                UserAgentInfo.NONE);
    }

    static RejectedEventCounts rejected(long count) {
        return new RejectedEventCounts(T, "agent", Map.of(), "rejected_event_count", T.minusSeconds(60), List.of(
                new RejectedCount("qseow-qix-perf", "app-1", "Sales", "Doc::GetAppLayout", "<Unknown>", count, 250.0)));
    }

    static ReceiverMetrics receiver(long received, long droppedRate) {
        return new ReceiverMetrics(T, "agent", Map.of(), "log_events_queue", "log_events", T.minusSeconds(20),
                3, 1000, 1, received, received, received - droppedRate, 0, Map.of("rate_limit", droppedRate),
                0.1, 0.2, 0.5, 0, false, 0);
    }

    static ErrorSignal healthError(String server) {
        return new ErrorSignal(T, "agent", "HEALTH_API", server, "HEALTH_METRICS", ErrorCategory.TIMEOUT,
                "timed out", "https://" + server + ".lab:4747/engine/healthcheck/", 0, Map.of());
    }

    /** A successful poll that took {@code millis}; sessions polls name the virtual proxy. */
    static PollResult pollSucceeded(String server, PollResult.Kind kind, String virtualProxy, long millis) {
        return new PollResult(T, server, serverTags(server), kind, server + ".lab:4747", virtualProxy, null, 200,
                Duration.ofMillis(millis));
    }

    /** A failed poll; {@code millis} null when no request went out. */
    static PollResult pollFailed(String server, PollResult.Kind kind, ErrorCategory category, Long millis) {
        return new PollResult(T, server, serverTags(server), kind, server + ".lab:4747", "", category, 0,
                millis == null ? null : Duration.ofMillis(millis));
    }

    static AgentStats stats() {
        return new AgentStats(T, "agent-1", "0.1.0", Map.of(), Duration.ofSeconds(90), 50_000_000L, 80_000_000L,
                512_000_000L, 30_000_000L, 200_000_000L, 40);
    }

    static SinkStatus sinkStatus(long delivered) {
        return new SinkStatus(T, "agent-1", "io.butlersos.sink.file~default", "file", "/data", true, delivered, 3, 1, 0,
                Map.of(SinkStatus.DROP_QUEUE_FULL, 4L), 2, 100_000, 1.5, 9.0, T, null, null);
    }
}
