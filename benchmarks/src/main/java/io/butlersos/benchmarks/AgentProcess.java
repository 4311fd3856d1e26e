package io.butlersos.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.butlersos.api.json.JsonFormatException;

/**
 * The packaged agent running as a child process: {@code bin/butler-sos} of an {@link AgentInstall}
 * (the production runtime, not {@code --demo}), its output in {@code agent-output.log} next to the
 * install, its status read from the web bundle's {@code GET /api/status}, its CPU time from the
 * JVM the launcher started.
 */
final class AgentProcess implements AutoCloseable {

    private final AgentInstall install;
    private final Process launcher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI statusUri;
    private final Path output;

    private AgentProcess(AgentInstall install, Process launcher, Path output) {
        this.install = install;
        this.launcher = launcher;
        this.output = output;
        this.statusUri = URI.create("http://127.0.0.1:" + install.webPort + "/api/status");
    }

    /** Starts {@code bin/butler-sos} with the same java as this tool and the given extra JVM options. */
    static AgentProcess start(AgentInstall install, String javaOptions) throws IOException {
        Path output = install.home.resolveSibling("agent-output.log");
        ProcessBuilder builder = new ProcessBuilder(install.home.resolve("bin/butler-sos").toString())
                .directory(install.home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        env.put("JAVA_OPTS", javaOptions);
        return new AgentProcess(install, builder.start(), output);
    }

    /**
     * Waits until the receiver's socket is bound, the counting sink is attached to the core, and the
     * receiver has reported once (so its totals are on the status page).
     */
    AgentStatus awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastSeen = "no answer from " + statusUri;
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the agent ended with exit code " + launcher.exitValue()
                        + " before it was ready; its output:\n" + tail(output, 40));
            }
            Optional<AgentStatus> status = status();
            boolean bound = KernelUdp.socketDrops(install.logPort).isPresent();
            if (status.isPresent()) {
                AgentStatus s = status.get();
                AgentStatus.SinkCounts sink = s.sink(AgentInstall.SINK_NAME);
                boolean receiverReported = s.receiver("log_events") != null;
                if (bound && sink != null && sink.attached() && receiverReported) {
                    return s;
                }
                lastSeen = "UDP port " + install.logPort + (bound ? " bound" : " not bound") + ", counting sink "
                        + (sink == null ? "absent" : sink.attached() ? "attached" : "not attached")
                        + ", receiver " + (receiverReported ? "reported" : "not reported yet") + "; sinks: "
                        + s.sinks().keySet();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the agent was not ready within " + timeout.toSeconds() + " s (last seen: "
                + lastSeen + "); its output:\n" + tail(output, 40));
    }

    /** The status page's counters, or empty while the web server does not answer. */
    Optional<AgentStatus> status() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(statusUri).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(AgentStatus.parse(response.body()));
        } catch (IOException | JsonFormatException e) {
            return Optional.empty();
        }
    }

    AgentStatus requireStatus() throws InterruptedException {
        return status().orElseThrow(() -> new IllegalStateException("the agent's status API does not answer: "
                + statusUri + "; its output:\n" + tail(output, 40)));
    }

    /** The JVM the launcher script started. */
    ProcessHandle jvm() {
        return launcher.toHandle().children().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("the launcher has no java child process"));
    }

    /** CPU time (user + system) the agent's JVM has used so far. */
    long cpuNanos() {
        return jvm().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** The kernel's drop count of the receiver's socket; empty when it is not bound. */
    OptionalLong socketDrops() throws IOException {
        return KernelUdp.socketDrops(install.logPort);
    }

    /**
     * Stops the agent as systemd would: SIGTERM to the launcher, which passes it to the JVM; waits for
     * both, then kills what is left.
     *
     * @return the launcher's exit code, or -1 when it had to be killed
     */
    int stop(Duration timeout) throws InterruptedException {
        if (!launcher.isAlive()) {
            return launcher.exitValue();
        }
        List<ProcessHandle> children = launcher.toHandle().children().toList();
        launcher.destroy(); // SIGTERM
        long deadline = System.nanoTime() + timeout.toNanos();
        while (launcher.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (launcher.isAlive()) {
            children.forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            launcher.waitFor();
            return -1;
        }
        return launcher.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }

    Path output() {
        return output;
    }

    /** The last lines of a file, for error messages. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
