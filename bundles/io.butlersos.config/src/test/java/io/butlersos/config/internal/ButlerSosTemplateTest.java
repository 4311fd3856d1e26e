package io.butlersos.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shipped Butler SOS template loads as is, and a minimal file gets every default from the components. */
class ButlerSosTemplateTest {

    @Test
    void templateShapedFileLoadsUnchanged() {
        LoadResult result = Configs.load("production_template.yaml");

        assertThat(result.problems()).isEmpty();
        assertThat(Configs.byPid(result).keySet()).containsExactly(
                "io.butlersos.cert~default",
                "io.butlersos.sense.server~server1",
                "io.butlersos.sense.appnames",
                "io.butlersos.sink.influxdb~influxdb",
                "io.butlersos.events.categorise",
                "io.butlersos.events.qixperf",
                "io.butlersos.events.counts",
                "io.butlersos.events.log",
                "io.butlersos.hostinfo",
                "io.butlersos.agent.uptime",
                "io.butlersos.agent.heartbeat",
                "io.butlersos.agent.errortracking",
                "io.butlersos.logging");
    }

    @Test
    void templateValuesLandInTheComponentsAttributes() {
        Map<String, Map<String, Object>> pids = Configs.byPid(Configs.load("production_template.yaml"));

        Map<String, Object> influx = pids.get("io.butlersos.sink.influxdb~influxdb");
        assertThat(influx).contains(entry("version", 3L), entry("url", "http://influxdb.mycompany.com:8086"),
                entry("database", "mydatabase"), entry(".token", "mytoken"), entry("batch.size", 1000L),
                entry("write.timeout.ms", 10_000L));
        // Butler SOS stores user events but not log events or event counts in InfluxDB by default.
        assertThat((String[]) influx.get("signal.types")).containsExactly("sense.health", "sense.sessions", "event.user",
                "event.receiver", "agent.stats", "agent.error", "agent.sink", "host.info");
        // v1 and v2 settings of a version-3 file are not applied.
        assertThat(influx).doesNotContainKeys("org", "bucket", "username", ".password", "retention.policy");

        assertThat(pids.get("io.butlersos.agent.uptime")).containsOnly(entry("enable", true), entry("interval.s", 900L),
                entry("log.level", "debug"), entry("instance.tag", "DEV"));
        assertThat(pids.get("io.butlersos.agent.heartbeat")).containsOnly(entry("enable", false));
        assertThat(pids.get("io.butlersos.logging")).containsOnly(entry("root.level", "INFO"), entry("file.enabled", true));
        Map<String, Object> server = pids.get("io.butlersos.sense.server~server1");
        assertThat(server).contains(entry("host", "<server1.my.domain>:4747"), entry("health.interval.ms", 30_000L),
                entry("sessions.interval.ms", 30_000L), entry("verify.server", true), entry("sessions.enabled", true));
        assertThat((String[]) server.get("virtual.proxies")).containsExactly("/", "/hdr");
        assertThat(pids.get("io.butlersos.events.log")).contains(entry("port", 9996L), entry("source.qix.perf", true));
        assertThat((String[]) pids.get("io.butlersos.events.log").get("tags")).containsExactly("qs_env=dev");
    }

    @Test
    void templateNoticesWhatIsNotApplied() {
        assertThat(Configs.load("production_template.yaml").translation().notices()).containsExactly(
                "Butler-SOS.anonTelemetry is on, but no telemetry is ever sent because of a Butler SOS file; the opt-in "
                        + "io.butlersos.agent.telemetry has its own URL; it is read and checked, not applied");
    }

    @Test
    void minimalFileWritesOnlyWhatItSays() {
        LoadResult result = Configs.load("minimal.yaml");

        assertThat(result.problems()).isEmpty();
        Map<String, Map<String, Object>> pids = Configs.byPid(result);
        assertThat(pids.keySet()).containsExactly("io.butlersos.cert~default", "io.butlersos.sense.server~sense");
        // No component default is written a second time: intervals, ports, proxies come from the OCDs.
        assertThat(pids.get("io.butlersos.sense.server~sense")).containsOnly(
                entry("host", "sense.corp.example:4747"), entry("server.name", "sense"));
        assertThat(pids.get("io.butlersos.cert~default")).containsOnly(entry("client.cert", "cert/client.pem"),
                entry("client.cert.key", "cert/client_key.pem"), entry("client.cert.ca", "cert/root.pem"));
        assertThat(result.translation().notices()).isEmpty();
    }

    @Test
    void emptyAndNullListsAreFine() {
        LoadResult result = Configs.check("""
                Butler-SOS:
                  serversToMonitor:
                    serverTagsDefinition:
                    servers: []
                  userSessions:
                    excludeUser:
                  logEvents:
                    tags: []
                    source:
                      qixPerf:
                        enable: false
                """);
        assertThat(result.problems()).isEmpty();
        // Every log source off: Butler SOS starts no log listener, and neither does this agent.
        assertThat(result.translation().configurations()).isEmpty();
    }
}
