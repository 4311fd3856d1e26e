package io.butlersos.sink.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ButlerSosLayoutTest {

    private static Map<String, String> byTopic(List<OutgoingMessage> messages) {
        Map<String, String> out = new LinkedHashMap<>();
        messages.forEach(m -> out.put(m.topic(), m.payload()));
        return out;
    }

    private static ButlerSosLayout layout(Object... overrides) {
        return new ButlerSosLayout(TopicSettings.of(Configs.mqtt(overrides)));
    }

    @Test
    void healthIsOneValuePerTopicUnderBaseAndHostAsButlerSosWroteIt() {
        Map<String, String> topics = byTopic(layout().map(Samples.health("Sense 1", "sense1.lab")));
        assertThat(topics).containsExactly(
                entry("butler-sos/sense1.lab/version", "14.173.4"),
                entry("butler-sos/sense1.lab/started", "20261101T081530.000+0100"),
                entry("butler-sos/sense1.lab/mem/comitted", "1234.5625"),
                entry("butler-sos/sense1.lab/mem/allocated", "1500"),
                entry("butler-sos/sense1.lab/mem/free", "65536"),
                entry("butler-sos/sense1.lab/cpu/total", "7.25"),
                entry("butler-sos/sense1.lab/session/active", "3"),
                entry("butler-sos/sense1.lab/session/total", "5"),
                entry("butler-sos/sense1.lab/apps/active_docs", "a1,a2"),
                entry("butler-sos/sense1.lab/apps/loaded_docs", "a1"),
                entry("butler-sos/sense1.lab/apps/in_memory_docs", ""),
                entry("butler-sos/sense1.lab/apps/calls", "120"),
                entry("butler-sos/sense1.lab/apps/selections", "17"),
                entry("butler-sos/sense1.lab/users/active", "2"),
                entry("butler-sos/sense1.lab/users/total", "4"),
                entry("butler-sos/sense1.lab/cache/hits", "3"),
                entry("butler-sos/sense1.lab/cache/lookups", "8"),
                entry("butler-sos/sense1.lab/cache/added", "1"),
                entry("butler-sos/sense1.lab/cache/replaced", "0"),
                entry("butler-sos/sense1.lab/cache/bytes_added", "4096"),
                entry("butler-sos/sense1.lab/cache/hit_ratio", "37"),
                entry("butler-sos/sense1.lab/saturated", "false"));
    }

    @Test
    void healthCanBeKeyedByServerNameWithSanitisedLevelsAndABaseWithoutSlash() {
        Map<String, String> topics = byTopic(layout("health_topic_key", "server_name", "base_topic", "sos")
                .map(Samples.health("dc/1+#a", "sense1.lab")));
        assertThat(topics).containsKey("sos/dc_1__a/version").hasSize(22);
    }

    @Test
    void sessionsGoToUsersessionPlusVirtualProxyAsTwoSpaceJson() {
        Map<String, String> topics = byTopic(layout().map(Samples.sessions("/hdr")));
        assertThat(topics).containsOnlyKeys("butler-sos/proxy1.lab/usersession/hdr");
        assertThat(topics.get("butler-sos/proxy1.lab/usersession/hdr")).isEqualTo("""
                [
                  {
                    "UserDirectory": "LAB",
                    "UserId": "anna",
                    "Attributes": [
                      {
                        "Group": "Sales"
                      }
                    ],
                    "SessionId": "s-1"
                  },
                  {
                    "UserDirectory": "LAB",
                    "UserId": "ben",
                    "Attributes": [],
                    "SessionId": "s-2"
                  }
                ]""");
        assertThat(byTopic(layout().map(Samples.sessions("/")))).containsOnlyKeys("butler-sos/proxy1.lab/usersession/");
    }

    @Test
    void userEventsGoToEverythingTopicAndTheirCommandTopicWithTagsAfterMessage() {
        Map<String, String> topics = byTopic(layout().map(Samples.userEvent("Start session", "hello")));
        String payload = "{\"messageType\":\"qseow-proxy-session\",\"host\":\"sense1.lab\",\"command\":\"Start session\","
                + "\"userDir\":\"LAB\",\"userId\":\"anna\",\"origin\":\"AppAccess\",\"context\":\"/app/0a1b\","
                + "\"message\":\"hello\",\"tags\":{\"qs_env\":\"dev\"},\"appId\":\"0a1b\",\"appName\":\"Sales\","
                + "\"uaBrowserName\":\"Chrome\",\"uaBrowserMajorVersion\":\"120\",\"uaOsName\":\"Windows\",\"uaOsVersion\":\"10\"}";
        assertThat(topics).containsExactly(entry("qliksense/userevent", payload),
                entry("qliksense/userevent/session/start", payload));
        assertThat(byTopic(layout().map(Samples.userEvent("Close connection", "x"))))
                .containsOnlyKeys("qliksense/userevent", "qliksense/userevent/connection/close");
        assertThat(byTopic(layout().map(Samples.userEvent("Something else", "x")))).containsOnlyKeys("qliksense/userevent");
    }

    @Test
    void emptyUserEventTopicsAreOff() {
        assertThat(byTopic(layout("user_events_topic", "", "user_events_session_stop_topic", "")
                .map(Samples.userEvent("Stop session", "x")))).isEmpty();
    }

    @Test
    void logEventsGoToBaseAndLowerCasedSanitisedSubsystemTopics() {
        Map<String, String> topics = byTopic(layout().map(Samples.logEvent("Proxy.Audit+X.Sub#1", "denied")));
        assertThat(topics).containsOnlyKeys("qliksense/logevent", "qliksense/logevent/proxy/audit_x/sub_1");
        String payload = topics.get("qliksense/logevent");
        assertThat(payload).startsWith("{\"source\":\"qseow-proxy\",\"log_row\":42,")
                .contains("\"message\":\"denied\"", "\"command\":\"Login\"", "\"result_code\":\"403\"",
                        "\"category\":[{")
                .endsWith(",\"tags\":{\"qs_env\":\"dev\"}}");
        assertThat(byTopic(layout("log_events_post_to_base_topic", false, "log_events_topic", "logs/")
                .map(Samples.logEvent("System.Scheduler.Slave", "m"))))
                .containsOnlyKeys("logs/system/scheduler/slave");
    }

    @Test
    void qixPerformanceEventsTravelAsLogEvents() {
        Map<String, String> topics = byTopic(layout().map(Samples.qixPerf()));
        assertThat(topics).containsOnlyKeys("qliksense/logevent",
                "qliksense/logevent/system/engine/engine/qixperformance/engine");
        assertThat(topics.get("qliksense/logevent")).contains("\"source\":\"qseow-qix-perf\"",
                "\"method\":\"GenericObject::GetLayout\"", "\"process_time\":12.5", "\"tags\":{}");
    }

    @Test
    void typesButlerSosNeverPublishedGoToTheirJsonTopic() {
        List<OutgoingMessage> messages = layout().map(Samples.error());
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.topic()).isEqualTo("butler-sos/json/agent.error");
            assertThat(m.payload()).startsWith("{\"type\":\"agent.error\",\"time\":\"2026-11-28T10:15:30Z\"");
        });
    }

    @Test
    void jsonLayoutWritesEverySignalWholeToItsTypeTopic() {
        JsonLayout json = new JsonLayout("bsos/");
        assertThat(json.map(Samples.health("s1", "h1"))).singleElement().satisfies(m -> {
            assertThat(m.topic()).isEqualTo("bsos/sense.health");
            assertThat(m.payload()).contains("\"origin\":\"s1\"", "\"version\":\"14.173.4\"");
        });
    }
}
