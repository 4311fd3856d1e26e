package io.butlersos.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent started as operators start it, {@code bin/butler-sos -c production.yaml} from the unpacked
 * archive: a broken Butler SOS file ends it at once with exit code 2 and every problem named (so systemd and
 * Docker see a failed start), and a good one keeps it running until it is asked to stop.
 *
 * <p>The archive's own {@code config/io.butlersos.web.cfg} is removed in the copy under test: it would open the
 * web endpoints on the fixed port 9850, which another agent on this machine may hold, and the health check test
 * needs the YAML to decide the web port (a native file wins over the YAML).
 */
class PackagedAgentStartupTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration STOP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private RunningProcess startAgent(Path home, Path yaml) throws IOException {
        Files.deleteIfExists(home.resolve("config/io.butlersos.web.cfg"));
        return RunningProcess.start(home, List.of("sh", "bin/butler-sos", "-c", yaml.toString()),
                List.of("JAVA=" + AgentArchive.java(), "JAVA_OPTS=-Xmx256m"));
    }

    private static String certificates(Path folder) {
        return "  cert:\n"
                + "    clientCert: " + folder.resolve("client.pem") + "\n"
                + "    clientCertKey: " + folder.resolve("client_key.pem") + "\n"
                + "    clientCertCA: " + folder.resolve("root.pem") + "\n";
    }

    @Test
    void aBrokenYamlEndsTheAgentWithExitCode2AndNamesEveryProblem() throws Exception {
        Path home = AgentArchive.unpack(dir);
        Path yaml = dir.resolve("production.yaml");
        Files.writeString(yaml, """
                Butler-SOS:
                  serversToMonitor:
                    pollingIntervall: 30000
                    servers:
                      - host: 127.0.0.1:4747
                        serverName: central
                  influxdbConfig:
                    host: influx.corp.example
                    port: eighty
                """ + certificates(dir.resolve("certificates")));

        try (RunningProcess agent = startAgent(home, yaml)) {
            int exit = agent.awaitExit(START);
            String output = agent.output();

            assertThat(exit).as("exit code; output:\n%s", output).isEqualTo(2);
            // The file as it was named on the command line, then each problem with its line and YAML path.
            assertThat(output).contains(
                    yaml + " has 2 problem(s); nothing from it was applied:\n"
                            + yaml + ":3: Butler-SOS.serversToMonitor.pollingIntervall: unknown key "
                            + "\"pollingIntervall\" (did you mean \"pollingInterval\"?)\n"
                            + yaml + ":9: Butler-SOS.influxdbConfig.port: expected a whole number, found \"eighty\"\n",
                    "Stopping the agent with exit code 2: fix " + yaml + " and start it again",
                    "Butler SOS ended with exit code 2; see logs/crash-");
            // The launcher leaves a note for whoever finds the service failed.
            try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
                Path note = logs.filter(p -> p.getFileName().toString().matches("crash-\\d{8}-\\d{6}-exit\\.txt"))
                        .findFirst().orElseThrow(() -> new AssertionError("no logs/crash-<time>-exit.txt"));
                assertThat(Files.readString(note)).startsWith("Butler SOS for Java ended with exit code 2\n")
                        .contains("unknown key \"pollingIntervall\"");
            }
        }
    }

    @Test
    void aMinimalYamlStartsTheAgentWhichPollsUntilItIsStopped() throws Exception {
        Path home = AgentArchive.unpack(dir);
        try (SimulatedSense sense = SimulatedSense.start(dir)) {
            Path yaml = dir.resolve("production.yaml");
            Files.writeString(yaml, "Butler-SOS:\n" + certificates(sense.certificates) + """
                      serversToMonitor:
                        pollingInterval: 2000
                        servers:
                          - host: 127.0.0.1:%d
                            serverName: central
                            userSessions:
                              enable: true
                              host: 127.0.0.1:%d
                    """.formatted(sense.enginePort, sense.proxyPort));

            try (RunningProcess agent = startAgent(home, yaml)) {
                agent.awaitLine("Applied " + yaml + ": 2 written", START);
                agent.awaitLine("Butler SOS for Java ", START);
                // Polled through the client certificate: the health of 'central' reaches the shipped file output.
                awaitHealthSignal(home.resolve("data/signals"), "central", agent);

                assertThat(agent.isAlive()).as("still running; output:\n%s", agent.output()).isTrue();
                assertThat(agent.output()).doesNotContain("problem(s)", "Stopping the agent");
                // SIGTERM, as systemd and docker stop send it: passed on to the JVM, whose shutdown hook stops the
                // framework (every component deactivated) before the JVM ends with 143.
                assertThat(agent.stop(STOP)).as("exit code after SIGTERM; output:\n%s", agent.output()).isEqualTo(143);
                assertThat(agent.output()).as("output after SIGTERM")
                        .contains("JVM shutting down: stopping the OSGi framework")
                        .containsPattern("OSGi framework stopped cleanly in \\d+ ms");
            }
        }
    }

    @Test
    void dockerHealthCheckOfTheYamlServesHealthOnItsPort() throws Exception {
        Path home = AgentArchive.unpack(dir);
        int port = FreePort.find();
        Path yaml = dir.resolve("production.yaml");
        Files.writeString(yaml, "Butler-SOS:\n" + certificates(dir.resolve("certificates")) + """
                  dockerHealthCheck:
                    enable: true
                    port: %d
                  serversToMonitor:
                    servers:
                      - host: 127.0.0.1:9
                        serverName: unreachable
                """.formatted(port));

        try (RunningProcess agent = startAgent(home, yaml)) {
            agent.awaitLine("Applied " + yaml + ": 3 written", START);
            HttpResponse<String> health = awaitHttp(URI.create("http://127.0.0.1:" + port + "/health"), agent);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(agent.stop(STOP)).isEqualTo(143);
        }
    }

    private static void awaitHealthSignal(Path folder, String server, RunningProcess agent) throws Exception {
        Instant end = Instant.now().plus(START);
        while (Instant.now().isBefore(end)) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                        if (Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("{\"type\":\"sense.health\"")
                                && l.contains("\"origin\":\"" + server + "\""))) {
                            return;
                        }
                    }
                }
            }
            assertThat(agent.isAlive()).as("agent running; output:\n%s", agent.output()).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("no sense.health signal of '" + server + "' in " + folder + " within " + START.toSeconds()
                + " s; output:\n" + agent.output());
    }

    private static HttpResponse<String> awaitHttp(URI uri, RunningProcess agent) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant end = Instant.now().plus(START);
        IOException last = null;
        while (Instant.now().isBefore(end)) {
            try {
                return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e; // not listening yet
            }
            assertThat(agent.isAlive()).as("agent running; output:\n%s", agent.output()).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("nothing answered " + uri + " within " + START.toSeconds() + " s (" + last + "); output:\n"
                + agent.output());
    }
}
