package io.butlersos.sink.mqtt.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.events.AuditDetails;
import io.butlersos.api.events.EventCategory;
import io.butlersos.api.events.EventHeader;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.QixPerfEvent;
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
import io.butlersos.api.sense.ProxySession;
import io.butlersos.api.sense.ProxySessions;

/** Real signal records with known values, one of each type the MQTT sink maps. */
final class Samples {

    static final Instant T = Instant.parse("2026-11-28T10:15:30Z");

    private Samples() {
    }

    static HealthSample health(String serverName, String host) {
        return new HealthSample(T, serverName, Map.of("host", host, "server_name", serverName),
                "https://" + host + ":4747/engine/healthcheck", "14.173.4", "20261101T081530.000+0100",
                Instant.parse("2026-11-01T07:15:30Z"),
                new EngineMemory(1234.5625, 1500.0, 65_536.0), 7.25,
                new ActiveTotal(3L, 5L), new ActiveTotal(2L, 4L),
                new EngineApps(new DocList(List.of("a1", "a2"), List.of(), List.of(), false, false),
                        new DocList(List.of("a1"), List.of(), List.of(), false, false),
                        new DocList(List.of(), List.of(), List.of(), false, false), 120L, 17L),
                new EngineCache(3L, 8L, 1L, 0L, 4096L), false);
    }

    static ProxySessions sessions(String virtualProxy) {
        return new ProxySessions(T, "sense1", Map.of("host", "sense1.lab"), virtualProxy, "proxy1.lab:4243",
                List.of(new ProxySession("LAB", "anna", "s-1", List.of(Map.of("Group", "Sales")), false),
                        new ProxySession("LAB", "ben", "s-2", List.of(), true)));
    }

    static UserEvent userEvent(String command, String message) {
        return new UserEvent(T, Map.of("qs_env", "dev"), "qseow-proxy-session", "sense1.lab", command,
                new SenseUser("LAB", "anna", "LAB\\anna"), "AppAccess", "/app/0a1b", message,
                "0a1b", "Sales", new UserAgentInfo("Chrome", "120.0.1", "120", "Windows", "10", "Mozilla/5.0"));
    }

    static LogEvent logEvent(String subsystem, String message) {
        EventHeader header = new EventHeader(LogSource.PROXY, 42, "2026-11-28T11:15:30.000+0100",
                "2026-11-28 11:15:30,000", "WARN", "sense1.lab", subsystem, "LAB\\qlikservice", T, TimeSource.SENSE_ISO);
        return new LogEvent(T, Map.of("qs_env", "dev"), header, message, "", new SenseUser("LAB", "anna", "LAB\\anna"),
                new AuditDetails("Login", "403", "Proxy", "/hub/"),
                List.of(new EventCategory("qs_log_category", "access-denied")));
    }

    static QixPerfEvent qixPerf() {
        EventHeader header = new EventHeader(LogSource.QIX_PERF, 7, "2026-11-28T11:15:30.000+0100",
                "2026-11-28 11:15:30,000", "INFO", "sense1.lab", "System.Engine.Engine.QixPerformance.Engine",
                "LAB\\qlikservice", T, TimeSource.SENSE_ISO);
        return new QixPerfEvent(T, Map.of(), header, new SenseUser("LAB", "anna", "LAB\\anna"), "p-1", "s-1", "0a1b",
                "Sales", "2026-11-28T11:15:30.000", 9, "GenericObject::GetLayout", 12.5, 10, 0, 0.5, 1,
                3, "rwPjBk", 1024, 2048, "barchart", true, List.of());
    }

    static ErrorSignal error() {
        return new ErrorSignal(T, "agent1", "HEALTH_API", "sense1", "HEALTH_METRICS", ErrorCategory.TIMEOUT,
                "sense1 did not answer", "https://sense1:4747/engine/healthcheck", 0, Map.of());
    }
}
