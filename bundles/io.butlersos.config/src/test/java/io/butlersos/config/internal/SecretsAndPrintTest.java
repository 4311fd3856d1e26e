package io.butlersos.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secrets from the environment and from files, and the printed configuration that never shows them. */
class SecretsAndPrintTest {

    @Test
    void printedConfigurationMasksEverySecret() {
        String printed = Configs.render(Configs.load("five-nodes.yaml"));

        assertThat(printed).doesNotContain("export-pass", "apiv3_token_value", "node2-secret-token");
        assertThat(printed).contains(".client.cert.passphrase = \"********\"", ".token = \"********\"",
                "headers = [\"Authorization: ********\"]", "headers = [\"X-Qlik-Trace: butler\"]",
                "[io.butlersos.sense.server~consumer-1]  # from Butler-SOS.serversToMonitor.servers[1]");
    }

    @Test
    void valuesFromTheEnvironmentAreMaskedWhereverTheyAppear() {
        LoadResult result = Configs.check("""
                Butler-SOS:
                  heartbeat:
                    remoteURL: https://monitor.example/ping?key=${env:INFLUX_TOKEN}
                """);
        assertThat(result.problems()).isEmpty();
        assertThat(Configs.byPid(result).get("io.butlersos.agent.heartbeat"))
                .containsEntry("remote.url", "https://monitor.example/ping?key=token-from-env-0123");
        assertThat(EffectiveView.render("production.yaml", result.translation().configurations(),
                new Masking(result.doc().secretValues()), result.translation().notices(), java.util.List.of()))
                .contains("remote.url = \"https://monitor.example/ping?key=********\"")
                .doesNotContain("token-from-env-0123");
    }

    @Test
    void secretFilesAreReadRelativeToTheYamlAndWatched() {
        LoadResult result = Configs.load("mqtt-newrelic.yaml");
        assertThat(result.watched()).contains(Configs.folder().resolve("secrets/newrelic.key"),
                Configs.folder().resolve("mqtt-newrelic.yaml"));
    }

    @Test
    void wrongTypesOfSecretKeysDoNotEchoTheValue() {
        LoadResult result = Configs.check("""
                Butler-SOS:
                  influxdbConfig:
                    host: influx.example
                    version: 2
                    v2Config:
                      org: o
                      bucket: b
                      token:
                        - hunter2
                """);
        assertThat(result.report()).doesNotContain("hunter2").contains(
                "production.yaml:9: Butler-SOS.influxdbConfig.v2Config.token: expected text, found a list");
    }
}
