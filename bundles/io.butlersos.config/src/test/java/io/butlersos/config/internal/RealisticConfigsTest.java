package io.butlersos.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Configurations shaped like the ones operators run, and what each becomes in Config Admin. */
class RealisticConfigsTest {

    @Test
    void singleNodeWithInfluxDbV1() {
        Map<String, Map<String, Object>> pids = Configs.byPid(Configs.load("single-node.yaml"));

        assertThat(pids.keySet()).containsExactly("io.butlersos.cert~default", "io.butlersos.sense.server~central",
                "io.butlersos.sense.appnames", "io.butlersos.sink.influxdb~influxdb", "io.butlersos.hostinfo",
                "io.butlersos.agent.uptime", "io.butlersos.logging");
        assertThat(pids.get("io.butlersos.sink.influxdb~influxdb")).containsOnly(entry("version", 1L),
                entry("url", "http://influx.corp.example:8086"), entry("username", "butler"),
                entry(".password", "s3cret-influx"), entry("database", "senseops"), entry("retention.policy", "30d"),
                entry("retention.duration", "30d"));
        Map<String, Object> server = pids.get("io.butlersos.sense.server~central");
        assertThat(server).contains(entry("health.interval.ms", 20_000L), entry("sessions.interval.ms", 15_000L));
        assertThat((String[]) server.get("virtual.proxies")).as("leading slash added").containsExactly("/", "/hdr");
        assertThat((String[]) server.get("exclude.users")).containsExactly("INTERNAL\\sa_scheduler");
        assertThat(pids.get("io.butlersos.sense.appnames")).containsOnly(entry("host", "qlik-central.corp.example"),
                entry("interval.ms", 120_000L), entry("verify.server", true));
        assertThat(pids.get("io.butlersos.agent.uptime")).containsEntry("interval.s", 300L);
    }

    @Test
    void fiveNodesWithTagsAndHeaders() {
        Map<String, Map<String, Object>> pids = Configs.byPid(Configs.load("five-nodes.yaml"));

        assertThat(pids.keySet()).filteredOn(pid -> pid.startsWith("io.butlersos.sense.server~")).containsExactly(
                "io.butlersos.sense.server~central", "io.butlersos.sense.server~consumer-1",
                "io.butlersos.sense.server~consumer-2", "io.butlersos.sense.server~scheduler",
                "io.butlersos.sense.server~dev");
        Map<String, Object> consumer = pids.get("io.butlersos.sense.server~consumer-1");
        assertThat((String[]) consumer.get("server.tags")).containsExactly("server_group=CONSUMER", "serverLocation=Stockholm");
        assertThat((String[]) consumer.get("headers")).containsExactly("Authorization: Bearer node2-secret-token");
        assertThat(consumer).contains(entry("server.name", "Consumer 1"), entry("verify.server", false),
                entry("include.active.docs", true));
        assertThat((String[]) pids.get("io.butlersos.sense.server~dev").get("server.tags"))
                .as("falsy tag values are kept, as in Butler SOS").contains("serverLocation=0");
        assertThat(pids.get("io.butlersos.sense.server~scheduler")).containsEntry("sessions.enabled", false);
        assertThat(pids.get("io.butlersos.sink.influxdb~influxdb")).contains(
                entry("url", "https://influx3.corp.example:8181"), entry("database", "qliksense"), entry("batch.size", 500L));
        assertThat(pids.get("io.butlersos.cert~default")).containsEntry(".client.cert.passphrase", "export-pass");
    }

    @Test
    void influxDbV2WithTokenFromTheEnvironment() {
        Map<String, Map<String, Object>> pids = Configs.byPid(Configs.load("influxdb-v2.yaml"));

        assertThat(pids.get("io.butlersos.sink.influxdb~influxdb")).contains(entry("version", 2L),
                entry("org", "analytics"), entry("bucket", "butler-sos"), entry(".token", "token-from-env-0123"),
                entry("url", "http://influx2.corp.example:8086"));
        assertThat((String[]) pids.get("io.butlersos.sink.influxdb~influxdb").get("signal.types"))
                .doesNotContain("event.counts", "event.rejected-counts", "agent.error").contains("sense.health", "event.log");
    }

    @Test
    void mqttNewRelicAndPrometheus() {
        LoadResult result = Configs.load("mqtt-newrelic.yaml");

        assertThat(result.problems()).isEmpty();
        Map<String, Map<String, Object>> pids = Configs.byPid(result);
        assertThat(pids.keySet()).containsExactly("io.butlersos.cert~default", "io.butlersos.sense.server~sense",
                "io.butlersos.sink.prometheus~default", "io.butlersos.sink.newrelic~prod", "io.butlersos.sink.mqtt~default",
                "io.butlersos.events.user");
        Map<String, Object> mqtt = pids.get("io.butlersos.sink.mqtt~default");
        assertThat((String[]) mqtt.get("broker.urls")).containsExactly("tcp://mqtt.corp.example:1883");
        assertThat(mqtt).contains(entry("base.topic", "butler-sos/"), entry("user.events.topic", "qliksense/userevent"));
        assertThat((String[]) mqtt.get("butlersos.sink.signal.types")).contains("event.user").doesNotContain("event.log");
        assertThat(pids.get("io.butlersos.sink.prometheus~default")).containsOnly(entry("host", "127.0.0.1"), entry("port", 9842L));
        Map<String, Object> newRelic = pids.get("io.butlersos.sink.newrelic~prod");
        assertThat(newRelic).containsOnlyKeys("account.name", "account.id", ".insert.key", "metric.url", "scramble.user.ids",
                "butlersos.sink.signal.types").contains(entry("account.name", "Prod"),
                entry("account.id", "1234567"), entry(".insert.key", "NRAK-0123456789abcdef"),
                entry("metric.url", "https://metric-api.eu.newrelic.com/metric/v1"), entry("scramble.user.ids", true));
        // Prod is the metric destination and the user events' one; no feature sends it log events or uptime.
        assertThat((String[]) newRelic.get("butlersos.sink.signal.types")).containsExactly("sense.health", "sense.sessions",
                "event.user");
        assertThat(result.translation().notices()).isEmpty();
        assertThat(result.doc().secretValues()).as("the key read from a file is a secret").contains("NRAK-0123456789abcdef");
        assertThat(Configs.render(result)).doesNotContain("NRAK-0123456789abcdef").contains(".insert.key = \"********\"");
    }

    @Test
    void eventsOnlyWithRulesAndQixFilters() {
        Map<String, Map<String, Object>> pids = Configs.byPid(Configs.load("events-only.yaml"));

        assertThat(pids.keySet()).containsExactly("io.butlersos.sink.influxdb~influxdb", "io.butlersos.events.categorise",
                "io.butlersos.events.rule~rule-01", "io.butlersos.events.rule~rule-02", "io.butlersos.events.qixperf",
                "io.butlersos.events.qixperf.app~app-01", "io.butlersos.events.counts", "io.butlersos.events.log",
                "io.butlersos.events.user");
        Map<String, Object> rule = pids.get("io.butlersos.events.rule~rule-01");
        assertThat(rule).contains(entry("description", "Access denied"), entry("action", "categorise"), entry("rank", 10L));
        assertThat((String[]) rule.get("log.levels")).containsExactly("warn", "error");
        assertThat((String[]) rule.get("starts.with")).containsExactly("Access was denied for User:");
        assertThat((String[]) rule.get("contains")).containsExactly("is not allowed");
        assertThat(pids.get("io.butlersos.events.rule~rule-02")).containsEntry("action", "drop").containsEntry("rank", 20L);
        Map<String, Object> app = pids.get("io.butlersos.events.qixperf.app~app-01");
        assertThat((String[]) app.get("apps")).containsExactly("3a5b1c2d-0000-4e8f-9a9b-123456789abc", "Sales dashboard");
        assertThat((String[]) app.get("object.types.include")).containsExactly("sheet", "barchart");
        assertThat((String[]) app.get("app.objects.exclude")).containsExactly("aBcDe");
        assertThat(pids.get("io.butlersos.events.counts")).contains(entry("interval.s", 30L), entry("event.count.enabled", true));
        assertThat((String[]) pids.get("io.butlersos.events.counts").get("rejected.count.tags")).containsExactly("qs_env=prod");
        Map<String, Object> log = pids.get("io.butlersos.events.log");
        assertThat(log).contains(entry("bind.address", "0.0.0.0"), entry("source.engine", true),
                entry("source.repository", false), entry("rate.limit.enabled", true), entry("rate.limit.per.minute", 6000L),
                entry("metrics.enabled", true), entry("metrics.interval.s", 20L));
        assertThat((String[]) pids.get("io.butlersos.events.user").get("allowed.sources"))
                .containsExactly("10.0.0.0/8", "sense1.corp.example");
        assertThat((String[]) pids.get("io.butlersos.events.user").get("exclude.users")).containsExactly("LAB\\testuser1");
    }
}
