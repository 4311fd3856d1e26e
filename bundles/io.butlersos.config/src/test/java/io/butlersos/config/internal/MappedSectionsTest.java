package io.butlersos.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The sections Butler SOS serves itself and this agent serves through another bundle: New Relic routing per
 * account, the configuration page and Docker health check (the web bundle), the log folder (the logging
 * bundle), and the audit events API (which this agent does not have, and says so).
 */
class MappedSectionsTest {

    private static final String MINIMAL = """
            Butler-SOS:
              cert:
                clientCert: cert/client.pem
                clientCertKey: cert/client_key.pem
                clientCertCA: cert/root.pem
              serversToMonitor:
                servers:
                  - host: sense.corp.example:4747
                    serverName: sense
            """;

    @Test
    void eachNewRelicAccountGetsTheSignalsOfTheFeaturesThatNameIt() {
        LoadResult result = Configs.load("newrelic-routing.yaml");

        assertThat(result.problems()).isEmpty();
        Map<String, Map<String, Object>> pids = Configs.byPid(result);
        assertThat(pids.keySet()).filteredOn(pid -> pid.startsWith("io.butlersos.sink.newrelic~"))
                .as("Sandbox is named by no feature: no sink for it")
                .containsExactly("io.butlersos.sink.newrelic~prod", "io.butlersos.sink.newrelic~ops");
        Map<String, Object> prod = pids.get("io.butlersos.sink.newrelic~prod");
        assertThat((String[]) prod.get("butlersos.sink.signal.types")).containsExactly("event.log", "event.user");
        assertThat((String[]) prod.get("log.sources")).as("scheduler off, proxy without warnings")
                .containsExactly("engine=ERROR|FATAL|WARN", "proxy=ERROR|FATAL", "repository=ERROR|FATAL|WARN");
        Map<String, Object> ops = pids.get("io.butlersos.sink.newrelic~ops");
        assertThat((String[]) ops.get("butlersos.sink.signal.types")).as("proxy.sessions is off: no sense.sessions")
                .containsExactly("sense.health", "agent.stats", "event.log");
        assertThat(ops).contains(entry("account.name", "Ops"), entry("account.id", "7654321"),
                entry(".insert.key", "NRAK-ops-0123456789"), entry("metric.url", "https://metric-api.eu.newrelic.com/metric/v1"));

        assertThat(result.translation().notices()).containsExactly(
                "Butler-SOS.userEvents.sendToNewRelic.destinationAccount[1]: no account \"Prdo\" in "
                        + "Butler-SOS.thirdPartyToolsCredentials.newRelic (did you mean \"Prod\"?); nothing is sent there",
                "Butler-SOS.thirdPartyToolsCredentials.newRelic[2]: account \"Sandbox\" is in no destinationAccount list "
                        + "of a feature that is on; nothing is sent to it");
    }

    @Test
    void withoutAMetricListHealthAndSessionsGoWhereButlerSosSendsThem() {
        // Butler SOS reads no newRelic.metric.destinationAccount: its health and session metrics follow the
        // user events' list, even while sending user events to New Relic is off.
        LoadResult result = Configs.check(MINIMAL + """
                  thirdPartyToolsCredentials:
                    newRelic:
                      - accountName: Prod
                        insertApiKey: NRAK-prod-0123456789
                        accountId: 1234567
                  userEvents:
                    enable: true
                    sendToNewRelic:
                      enable: false
                      destinationAccount:
                        - Prod
                  newRelic:
                    enable: true
                    metric:
                      destinationAccount:
                """);

        assertThat(result.problems()).isEmpty();
        Map<String, Object> prod = Configs.byPid(result).get("io.butlersos.sink.newrelic~prod");
        assertThat((String[]) prod.get("butlersos.sink.signal.types")).containsExactly("sense.health", "sense.sessions");
        assertThat(prod).doesNotContainKey("log.sources");
        assertThat(result.translation().notices()).containsExactly(
                "Butler-SOS.newRelic.metric.destinationAccount is empty: health and proxy session metrics go to the "
                        + "accounts of Butler-SOS.userEvents.sendToNewRelic.destinationAccount, as in Butler SOS");
    }

    @Test
    void newRelicLogLevelsAreCheckedPerSenseServiceAsInButlerSos() {
        assertThat(Configs.check(MINIMAL + """
                  logEvents:
                    sendToNewRelic:
                      enable: true
                      source:
                        proxy:
                          enable: true
                          logLevel:
                            error: yes-please
                """).problems()).extracting(Object::toString).containsExactly(
                "production.yaml:17: Butler-SOS.logEvents.sendToNewRelic.source.proxy.logLevel.error: expected true or "
                        + "false, found \"yes-please\"");
    }

    @Test
    void configurationPageAndHealthCheckBecomeTheWebEndpointsAndLogDirectoryTheLogFolder() {
        LoadResult result = Configs.load("web-and-logs.yaml");

        assertThat(result.problems()).isEmpty();
        Map<String, Map<String, Object>> pids = Configs.byPid(result);
        assertThat(pids.get("io.butlersos.web")).containsOnly(entry("host", "localhost"), entry("port", 3100L));
        assertThat(pids.get("io.butlersos.logging")).containsOnly(entry("root.level", "INFO"), entry("file.enabled", true),
                entry("file.directory", "/var/log/butler-sos"));
        assertThat(result.translation().notices()).containsExactly(
                "Butler-SOS.dockerHealthCheck.port 12398 is not used: /health is served with the configuration view on "
                        + "Butler-SOS.configVisualisation.port 3100 (io.butlersos.web is one server)");
    }

    @Test
    void theHealthCheckAloneServesHealthOnItsPort() {
        LoadResult result = Configs.check(MINIMAL + """
                  dockerHealthCheck:
                    enable: true
                    port: 12398
                  configVisualisation:
                    enable: false
                    host: localhost
                    port: 3100
                """);

        assertThat(Configs.byPid(result).get("io.butlersos.web")).containsOnly(entry("port", 12398L));
        assertThat(result.translation().notices()).isEmpty();
    }

    @Test
    void anOpenUnmaskedConfigurationPageStaysOnLoopbackAndMasked() {
        LoadResult result = Configs.check(MINIMAL + """
                  configVisualisation:
                    enable: true
                    host: 0.0.0.0
                    port: 3100
                    obfuscate: false
                """);

        assertThat(Configs.byPid(result).get("io.butlersos.web")).containsOnly(entry("port", 3100L));
        assertThat(result.translation().notices()).containsExactly(
                "Butler-SOS.configVisualisation.host \"0.0.0.0\" is not applied: the web endpoints serve other machines "
                        + "only with authentication, which a Butler SOS file cannot set; they stay on 127.0.0.1 (set host "
                        + "and auth in config/io.butlersos.web.cfg to open them)",
                "Butler-SOS.configVisualisation.obfuscate is false, but the configuration view of io.butlersos.web always "
                        + "masks secrets");
    }

    @Test
    void bothOffMeansNoWebEndpointsAndButlerSosDefaultLogFolderKeepsTheAgentsOwn() {
        LoadResult result = Configs.check(MINIMAL + """
                  logDirectory: log
                  configVisualisation:
                    enable: false
                  dockerHealthCheck:
                    enable: false
                """);

        assertThat(Configs.byPid(result).keySet()).containsExactly("io.butlersos.cert~default", "io.butlersos.sense.server~sense");
    }

    @Test
    void anAuditEventsApiThatIsOnIsNamedAsMissing() {
        LoadResult result = Configs.check(MINIMAL + """
                  auditEvents:
                    enable: true
                    host: 0.0.0.0
                    port: 8011
                    apiToken: ""
                    cors:
                      allowedOrigins:
                        - https://sense.corp.example
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.translation().notices()).containsExactly(
                "Butler-SOS.auditEvents is on, but this agent has no audit events API: nothing listens on 0.0.0.0:8011 "
                        + "for the Audit.qs extension, and no audit events are stored; the section is read, not checked "
                        + "or applied");
        assertThat(Configs.check(MINIMAL + """
                  auditEvents:
                    enable: false
                """).translation().notices()).isEmpty();
    }
}
