package io.butlersos.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import org.junit.jupiter.api.Test;

class EventSignalsTest {

    private static final Instant T = Instant.parse("2021-11-09T14:37:26.028Z");

    private static EventHeader header(LogSource source, String level) {
        return new EventHeader(source, 45, "20211109T153726.028+0100", "2021-11-09 15:37:26,028", level, "sense1",
                "Audit.Proxy.Proxy", "LAB\\qlikservice", T.plusSeconds(1), TimeSource.SENSE_ISO);
    }

    @Test
    void proxyLogEventHasButlerSosTagsAndFields() {
        LogEvent event = new LogEvent(T, Map.of("qs_env", "dev"), header(LogSource.PROXY, "WARN"),
                "Access was denied for User: 'LAB\\goran'", "", SenseUser.of("LAB", "goran", ""),
                new AuditDetails("Login", "403", "AppAccess", "/hub/"),
                List.of(new EventCategory("qs_log_category", "access-denied")));

        Point point = event.toPoints().get(0);

        assertThat(point.measurement()).isEqualTo("log_event");
        assertThat(point.time()).isEqualTo(T);
        assertThat(point.tags()).containsEntry("host", "sense1").containsEntry("level", "WARN")
                .containsEntry("source", "qseow-proxy").containsEntry("log_row", "45")
                .containsEntry("user_full", "LAB\\goran").containsEntry("result_code", "403")
                .containsEntry("qs_log_category", "access-denied").containsEntry("qs_env", "dev");
        assertThat(point.fields()).containsEntry("command", "Login").containsEntry("origin", "AppAccess")
                .containsEntry("context", "/hub/").containsEntry("exception_message", "");
        assertThat((String) point.fields().get("raw_event")).startsWith("{\"source\":\"qseow-proxy\",\"log_row\":45,")
                .contains("\"category\":[{");
        assertThat(event.newRelicAttributes()).containsEntry("qs_command", "Login")
                .containsEntry("timestamp", T.toEpochMilli()).doesNotContainKey("qs_task_name");
    }

    @Test
    void schedulerAndEngineLogEventsCarryTheirOwnFields() {
        LogEvent scheduler = new LogEvent(T, Map.of(), header(LogSource.SCHEDULER, "ERROR"), "Reload failed", "",
                SenseUser.of("", "", "LAB\\goran"), new TaskDetails("Reload of X", "X", "t-id", "a-id", "e-id"),
                List.of());
        Point point = scheduler.toPoints().get(0);
        assertThat(point.tags()).containsEntry("task_name", "Reload of X").containsEntry("user_id", "goran");
        assertThat(point.fields()).containsKeys("app_name", "app_id", "execution_id").doesNotContainKey("command");

        LogEvent engine = new LogEvent(T, Map.of(), header(LogSource.ENGINE, "WARN"), "m", "", SenseUser.NONE,
                new EngineDetails("", "", "", "12.1306.3", "", "Error", "s", "a", "App A"), List.of());
        Point enginePoint = engine.toPoints().get(0);
        assertThat(enginePoint.tags()).containsEntry("engine_exe_version", "12.1306.3")
                .containsEntry("app_name", "App A").containsEntry("windows_user", "LAB\\qlikservice")
                .doesNotContainKey("user_full");
        assertThat(enginePoint.fields()).containsKeys("message", "session_id", "raw_event")
                .doesNotContainKey("exception_message");
    }

    @Test
    void qixPerfPointUsesV1PlaceholdersAndFloatNumbers() {
        QixPerfEvent event = new QixPerfEvent(T, Map.of(), header(LogSource.QIX_PERF, "INFO"), SenseUser.NONE, "",
                "", "", "", "", 57, "Doc::GetAppLayout", 12.5, 11.9, Double.NaN, 0.2, 0.3, -1, "<Unknown>", 1024,
                4096, "", false, List.of());

        Point point = event.toPoints().get(0);

        assertThat(point.tags()).containsEntry("object_type", "<Unknown>").containsEntry("proxy_session_id", "-1")
                .containsEntry("session_id", "-1").containsEntry("event_activity_source", "non-user");
        assertThat(point.fields()).containsEntry("process_time", 12.5).containsEntry("handle", -1.0)
                .containsEntry("net_ram", 1024.0).doesNotContainKey("lock_time");
    }

    @Test
    void userEventPointAndPayloads() {
        UserEvent event = new UserEvent(T, Map.of("qs_env", "dev"), "qseow-proxy-connection", "sense1",
                "Open connection", SenseUser.of("LAB", "goran", ""), "AppAccess", "/app/x", "msg", "e7af", "Sales",
                new UserAgentInfo("Chrome", "120.0.0", "120", "Windows", "10", "Mozilla/5.0"));

        Point point = event.toPoints().get(0);

        assertThat(point.measurement()).isEqualTo("user_events");
        assertThat(point.tags()).containsEntry("event_action", "Open connection").containsEntry("userFull", "LAB\\goran")
                .containsEntry("uaBrowserName", "Chrome").containsEntry("uaBrowserMajorVersion", "120")
                .containsEntry("appName", "Sales").containsEntry("qs_env", "dev");
        assertThat(point.fields()).containsEntry("userFull", "LAB\\goran").containsEntry("appId", "e7af");
        assertThat(event.mqttPayload()).containsEntry("userDir", "LAB").containsEntry("uaOsName", "Windows");
        assertThat(event.newRelicAttributes()).containsEntry("qs_event_action", "Open connection");

        UserEvent noUser = new UserEvent(T, Map.of(), "qseow-proxy-session", "sense1", "Start session",
                SenseUser.NONE, "AppAccess", "", "", "", "", UserAgentInfo.NONE);
        assertThat(noUser.toPoints()).isEmpty();
    }

    @Test
    void countersRenderOnePointPerEntry() {
        EventCounts counts = new EventCounts(T, "agent", Map.of("qs_env", "dev"), "event_count", T.minusSeconds(20),
                List.of(new EventCount("log", "qseow-engine", "sense1", "System.Engine", "WARN", 3),
                        new EventCount("log", "qseow-engine", "sense1", "System.Engine", "ERROR", 2)));
        assertThat(counts.toPoints()).singleElement().satisfies(p -> {
            assertThat(p.fields()).containsEntry("counter", 5.0);
            assertThat(p.tags()).containsEntry("event_type", "log").containsEntry("qs_env", "dev");
        });

        RejectedEventCounts rejected = new RejectedEventCounts(T, "agent", Map.of(), "rejected_event_count",
                T.minusSeconds(20), List.of(new RejectedCount("qseow-qix-perf", "a", "", "m", "<Unknown>", 4, 10.5)));
        assertThat(rejected.toPoints().get(0).tags()).containsEntry("app_name_set", "false");
        assertThat(rejected.toPoints().get(0).fields()).containsEntry("process_time", 10.5);

        ReceiverMetrics metrics = new ReceiverMetrics(T, "agent", Map.of(), "log_events_queue", "log_events",
                T.minusSeconds(20), 5, 100, 1, 10, 9, 8, 1, Map.of("size", 1L, "parse_error", 1L), 0.1, 0.2, 0.3, 0,
                false, 2);
        assertThat(metrics.toPoints().get(0).fields()).containsEntry("messages_dropped_total", 2.0)
                .containsEntry("messages_dropped_size", 1.0).containsEntry("messages_dropped_parse_error", 1.0)
                .containsEntry("queue_utilization_pct", 5.0);
    }

    @Test
    void senseUserSplitsAtTheFirstBackslash() {
        assertThat(SenseUser.of("", "", "LAB\\svc\\x")).isEqualTo(new SenseUser("LAB", "svc\\x", "LAB\\svc\\x"));
        assertThat(SenseUser.of("", "", "sa_scheduler")).isEqualTo(new SenseUser("", "", "sa_scheduler"));
        assertThat(SenseUser.of("LAB", "goran", "ignored").full()).isEqualTo("LAB\\goran");
        assertThat(LogSource.of("/QSEOW-Engine/")).contains(LogSource.ENGINE);
        assertThat(LogSource.of("qseow-qix-perf")).contains(LogSource.QIX_PERF);
        assertThat(LogSource.of("/qseow-scheduler")).as("half a prefix").isEmpty();
        assertThat(LogSource.of("/qseow-engine-x/")).isEmpty();
        assertThat(LogSource.of("//")).isEmpty();
        assertThat(LogSource.of("")).isEmpty();
    }
}
