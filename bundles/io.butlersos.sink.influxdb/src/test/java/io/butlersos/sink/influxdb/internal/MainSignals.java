package io.butlersos.sink.influxdb.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.events.AuditDetails;
import io.butlersos.api.events.EngineDetails;
import io.butlersos.api.events.EventCategory;
import io.butlersos.api.events.EventCount;
import io.butlersos.api.events.EventCounts;
import io.butlersos.api.events.EventHeader;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.ReceiverMetrics;
import io.butlersos.api.events.RejectedCount;
import io.butlersos.api.events.RejectedEventCounts;
import io.butlersos.api.events.SenseUser;
import io.butlersos.api.events.TaskDetails;
import io.butlersos.api.events.TimeSource;
import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.api.events.UserEvent;
import io.butlersos.api.hostinfo.HostFacts;
import io.butlersos.api.hostinfo.NetworkInterfaceFacts;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.EngineApps;
import io.butlersos.api.sense.EngineCache;
import io.butlersos.api.sense.EngineMemory;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySession;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.api.sink.SinkStatus;

/** One of every signal record on main, as the sources build them, stamped with one event time. */
final class MainSignals {

    private MainSignals() {
    }

    static final Map<String, String> SERVER_TAGS = Map.of("host", "sense1.lab", "server_name", "central",
            "server_description", "Central node", "server_group", "PROD");

    static HealthSample health(Instant t) {
        DocList active = new DocList(List.of("a1", "SessionApp_x"), List.of("HR, \"EU\""), List.of("SessionApp_x"),
                true, true);
        return new HealthSample(t, "central", SERVER_TAGS, "https://sense1:4747/engine/healthcheck", "12.1234.5",
                "20260301T081530.000+0100", t.minus(Duration.ofDays(3)), new EngineMemory(1234.9, 2345.6, 12345.1),
                3.7, new ActiveTotal(4L, 10L), new ActiveTotal(2L, 7L),
                new EngineApps(active, DocList.EMPTY, DocList.EMPTY, 123456L, 789L),
                new EngineCache(10L, 20L, 5L, 1L, 40960L), false);
    }

    static EventHeader header(Instant t, LogSource source, String level, long row) {
        return new EventHeader(source, row, "20211109T153726.028+0100", "2021-11-09 15:37:26,028", level, "sense1",
                "Audit.Proxy.Proxy", "LAB\\qlikservice", t, TimeSource.SENSE_ISO);
    }

    /** Every signal type there is: sense.*, event.*, agent.*, host.info. */
    static List<Signal> batch(Instant t) {
        return List.of(
                health(t),
                new ProxySessions(t, "central", SERVER_TAGS, "/hdr", "sense1:4243",
                        List.of(new ProxySession("CORP", "anna", "s1", List.of(), false),
                                new ProxySession("INTERNAL", "sa_scheduler", "s3", null, true))),
                new LogEvent(t, Map.of("qs_env", "dev"), header(t, LogSource.PROXY, "WARN", 45),
                        "Access was denied for User: 'LAB\\goran'", "", SenseUser.of("LAB", "goran", ""),
                        new AuditDetails("Login", "403", "AppAccess", "/hub/"),
                        List.of(new EventCategory("qs_log_category", "access-denied"))),
                new LogEvent(t, Map.of(), header(t, LogSource.SCHEDULER, "ERROR", 46), "Reload failed\nline two", "",
                        SenseUser.of("", "", "LAB\\goran"), new TaskDetails("Reload of X", "X", "t-id", "a-id", "e-id"),
                        List.of()),
                new LogEvent(t, Map.of(), header(t, LogSource.ENGINE, "WARN", 47), "m", "", SenseUser.NONE,
                        new EngineDetails("", "", "", "12.1306.3", "", "Error", "s", "a", "App A"), List.of()),
                new QixPerfEvent(t, Map.of(), header(t, LogSource.QIX_PERF, "INFO", 48), SenseUser.NONE, "", "", "",
                        "", "", 57, "Doc::GetAppLayout", 12.5, 11.9, Double.NaN, 0.2, 0.3, 7, "<Unknown>", 1024, 4096,
                        "", false, List.of()),
                new UserEvent(t, Map.of("qs_env", "dev"), "qseow-proxy-connection", "sense1", "Open connection",
                        SenseUser.of("LAB", "goran", ""), "AppAccess", "/app/x", "msg", "e7af", "Sales",
                        new UserAgentInfo("Chrome", "120.0.0", "120", "Windows", "10", "Mozilla/5.0")),
                new EventCounts(t, "agent", Map.of(), "event_count", t.minusSeconds(20),
                        List.of(new EventCount("log", "qseow-engine", "sense1", "System.Engine", "WARN", 3))),
                new RejectedEventCounts(t, "agent", Map.of(), "rejected_event_count", t.minusSeconds(20),
                        List.of(new RejectedCount("qseow-qix-perf", "a", "", "m", "<Unknown>", 4, 10.5))),
                new ReceiverMetrics(t, "agent", Map.of(), "log_events_queue", "log_events", t.minusSeconds(20), 5,
                        100, 1, 10, 9, 8, 1, Map.of("size", 1L), 0.1, 0.2, 0.3, 0, false, 2),
                new AgentStats(t, "PROD", "0.1.0", Map.of(), Duration.ofMinutes(2), 10L << 20, 20L << 20, 512L << 20,
                        33L << 20, 123L << 20, 42),
                new HostFacts(t, "qs-host", Map.of("butler_sos_instance", "DEV"), "qs-host", "Windows", "Microsoft",
                        "Server 2022", "20348", "", 64, "amd64", false, "VMware", "VMware7,1", "Xeon", "GenuineIntel",
                        2, 8, 16, 2_400_000_000L, 64L << 30, 10L << 30, 8L << 30, t.minusSeconds(3600),
                        List.of(new NetworkInterfaceFacts("eth0", "Ethernet", "aa:bb:cc:dd:ee:ff",
                                List.of("10.0.0.5"), List.of(), 1_000_000_000L, true)),
                        "17.0.15", "Debian", "OpenJDK 64-Bit Server VM", 1L << 30),
                new SinkStatus(t, "agent1", "io.butlersos.sink.influxdb~local", "influxdb", "http://x", true, 10, 2,
                        1, 0, Map.of(SinkStatus.DROP_REJECTED, 3L), 5, 100_000, 1.5, 9.25, t, "boom", t),
                new ErrorSignal(t, "agent1", "HEALTH_API", "central", "HEALTH_METRICS", ErrorCategory.TIMEOUT,
                        "Health check timed out", "https://sense1:4747/engine/healthcheck", 0,
                        Map.of("host", "sense1.lab")));
    }
}
