package io.butlersos.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.butlersos.config.internal.yaml.Problem;
import org.junit.jupiter.api.Test;

/** Broken files: every problem is named with file, line, YAML path and cause, word for word, all in one pass. */
class BrokenConfigsTest {

    private static List<String> problems(String yaml) {
        LoadResult result = Configs.check(yaml);
        assertThat(result.ok()).isFalse();
        assertThat(result.translation()).as("nothing is applied from a broken file").isNull();
        return result.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void unknownKeySuggestsTheKnownOne() {
        assertThat(problems("""
                Butler-SOS:
                  serversToMonitor:
                    pollingIntervall: 30000
                """)).containsExactly(
                "production.yaml:3: Butler-SOS.serversToMonitor.pollingIntervall: unknown key \"pollingIntervall\" "
                        + "(did you mean \"pollingInterval\"?)");
    }

    @Test
    void unknownKeyWithoutLikelyIntentHasNoSuggestion() {
        assertThat(problems("""
                Butler-SOS:
                  grafana:
                    enable: true
                """)).containsExactly("production.yaml:2: Butler-SOS.grafana: unknown key \"grafana\"");
    }

    @Test
    void wrongTypeForANumber() {
        assertThat(problems("""
                Butler-SOS:
                  influxdbConfig:
                    host: influx.example
                    port: eighty
                """)).containsExactly(
                "production.yaml:4: Butler-SOS.influxdbConfig.port: expected a whole number, found \"eighty\"");
    }

    @Test
    void wrongTypeForAFlag() {
        assertThat(problems("""
                Butler-SOS:
                  systemInfo:
                    enable: maybe
                """)).containsExactly("production.yaml:3: Butler-SOS.systemInfo.enable: expected true or false, found \"maybe\"");
    }

    @Test
    void aMapWhereAListBelongs() {
        assertThat(problems("""
                Butler-SOS:
                  logEvents:
                    udpServerConfig:
                      allowedSources: sense1.example
                """)).containsExactly(
                "production.yaml:4: Butler-SOS.logEvents.udpServerConfig.allowedSources: expected a list, found \"sense1.example\"");
    }

    @Test
    void missingRequiredValue() {
        assertThat(problems("""
                Butler-SOS:
                  cert:
                    clientCert: cert/client.pem
                    clientCertKey: cert/client_key.pem
                  serversToMonitor:
                    servers:
                      - serverName: central
                        serverDescription: Central node
                """)).containsExactly("production.yaml:7: Butler-SOS.serversToMonitor.servers[0].host: missing required value");
    }

    @Test
    void valueOutOfRange() {
        assertThat(problems("""
                Butler-SOS:
                  userEvents:
                    enable: true
                    udpServerConfig:
                      portUserActivityEvents: 99970
                """)).containsExactly(
                "production.yaml:5: Butler-SOS.userEvents.udpServerConfig.portUserActivityEvents: value 99970 is out of range (1 to 65535)");
    }

    @Test
    void optionNotAmongTheChoices() {
        assertThat(problems("""
                Butler-SOS:
                  uptimeMonitor:
                    logLevel: verbos
                """)).containsExactly("production.yaml:3: Butler-SOS.uptimeMonitor.logLevel: \"verbos\" is not one of "
                + "error, warn, info, verbose, debug, silly (did you mean \"verbose\"?)");
    }

    @Test
    void scheduleThatIsNotAnInterval() {
        assertThat(problems("""
                Butler-SOS:
                  heartbeat:
                    enable: true
                    remoteURL: http://monitor.example/ping
                    frequency: at 10:15 am
                """)).containsExactly("production.yaml:5: Butler-SOS.heartbeat.frequency: cannot read the schedule "
                + "\"at 10:15 am\": write it as \"every <number> seconds|minutes|hours|days\"");
    }

    @Test
    void unsetEnvironmentVariableAndMissingSecretFile() {
        assertThat(problems("""
                Butler-SOS:
                  influxdbConfig:
                    host: influx.example
                    version: 2
                    v2Config:
                      org: analytics
                      bucket: ${env:INFLUX_BUCKET}
                      token: ${file:secrets/influx.token}
                """)).containsExactly(
                "production.yaml:7: Butler-SOS.influxdbConfig.v2Config.bucket: environment variable INFLUX_BUCKET is not set",
                "production.yaml:8: Butler-SOS.influxdbConfig.v2Config.token: cannot read the secret file "
                        + "\"secrets/influx.token\": no such file");
    }

    @Test
    void notYaml() {
        assertThat(problems("""
                Butler-SOS:
                  cert:
                    clientCert: "cert/client.pem
                  serversToMonitor: []
                """)).containsExactly("production.yaml:5: not valid YAML: found unexpected end of stream "
                + "(while scanning a quoted scalar)");
    }

    @Test
    void wrongRootKey() {
        assertThat(problems("""
                ButlerSOS:
                  logLevel: info
                """)).containsExactly(
                "production.yaml:1: Butler-SOS: missing required value",
                "production.yaml:1: ButlerSOS: unknown key \"ButlerSOS\" (did you mean \"Butler-SOS\"?)");
    }

    @Test
    void serverTagsMustMatchTheirDefinition() {
        assertThat(problems("""
                Butler-SOS:
                  cert:
                    clientCert: cert/client.pem
                    clientCertKey: cert/client_key.pem
                  serversToMonitor:
                    serverTagsDefinition:
                      - serverGroup
                    servers:
                      - host: sense1.example
                        serverName: sense1
                        serverTags:
                          region: north
                """)).containsExactly(
                "production.yaml:12: Butler-SOS.serversToMonitor.servers[0].serverTags: tag \"serverGroup\" of "
                        + "serversToMonitor.serverTagsDefinition is missing",
                "production.yaml:12: Butler-SOS.serversToMonitor.servers[0].serverTags.region: tag \"region\" is not in "
                        + "serversToMonitor.serverTagsDefinition");
    }

    @Test
    void serversNeedCertificatesAndUniqueNames() {
        assertThat(problems("""
                Butler-SOS:
                  serversToMonitor:
                    servers:
                      - host: sense1.example
                        serverName: Sense 1
                      - host: sense2.example
                        serverName: sense-1
                """)).containsExactly(
                "production.yaml:4: Butler-SOS.cert: missing required value (the Sense servers are called with its client certificate)",
                "production.yaml:7: Butler-SOS.serversToMonitor.servers[1].serverName: \"sense-1\" names servers[0] too; "
                        + "each server needs its own name");
    }

    @Test
    void influxVersionNeedsItsSettings() {
        assertThat(problems("""
                Butler-SOS:
                  influxdbConfig:
                    enable: true
                    host: influx.example
                    version: 3
                    v3Config:
                      database: sense
                """)).containsExactly("production.yaml:7: Butler-SOS.influxdbConfig.v3Config.token: missing required value "
                + "(InfluxDB version 3 needs it)");
    }

    @Test
    void duplicateKey() {
        assertThat(problems("""
                Butler-SOS:
                  logLevel: info
                  logLevel: debug
                """)).containsExactly(
                "production.yaml:3: Butler-SOS.logLevel: duplicate key (first written on line 2)");
    }

    @Test
    void emptyFile() {
        assertThat(problems("# nothing yet\n")).containsExactly("production.yaml:1: the file is empty");
    }

    @Test
    void everyProblemOfAFileInOnePass() {
        assertThat(problems("""
                Butler-SOS:
                  logLevel: loud
                  cert:
                    clientCert: cert/client.pem
                  heartbeat:
                    enable: yes
                  influxdbConfig:
                    enable: true
                    host: influx.example
                    maxBatchSize: 50000
                  serversToMonitor:
                    rejectUnauthorised: false
                    servers:
                      - host: sense1.example
                        serverName: sense1
                        userSessions:
                          virtualProxies:
                            - virtualProxy:
                """)).containsExactly(
                "production.yaml:2: Butler-SOS.logLevel: \"loud\" is not one of error, warn, info, verbose, debug, silly",
                "production.yaml:3: Butler-SOS.cert.clientCertKey: missing required value",
                "production.yaml:5: Butler-SOS.heartbeat.remoteURL: missing required value",
                "production.yaml:10: Butler-SOS.influxdbConfig.maxBatchSize: value 50000 is out of range (1 to 10000)",
                "production.yaml:12: Butler-SOS.serversToMonitor.rejectUnauthorised: unknown key \"rejectUnauthorised\" "
                        + "(did you mean \"rejectUnauthorized\"?)",
                "production.yaml:18: Butler-SOS.serversToMonitor.servers[0].userSessions.virtualProxies[0].virtualProxy: "
                        + "missing required value");
    }

    @Test
    void sectionsThatAreOffNeedNotBeComplete() {
        LoadResult result = Configs.check("""
                Butler-SOS:
                  mqttConfig:
                    enable: false
                  influxdbConfig:
                    enable: false
                    port: not-checked-while-off
                  heartbeat:
                    enable: false
                """);
        assertThat(result.problems()).isEmpty();
        assertThat(result.translation().configurations()).extracting(d -> d.pid())
                .containsExactly("io.butlersos.agent.heartbeat");
    }
}
