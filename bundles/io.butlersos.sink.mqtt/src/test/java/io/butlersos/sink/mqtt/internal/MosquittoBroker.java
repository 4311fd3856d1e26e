package io.butlersos.sink.mqtt.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real mosquitto (Debian package {@code mosquitto}) on a free loopback port, started from a generated
 * configuration and stopped by its PID. Without the binary the test is skipped, or fails under
 * {@code CI=true}, naming the package to install.
 */
final class MosquittoBroker implements AutoCloseable {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"), Path.of("/usr/local/bin/mosquitto"));
    static final String MISSING = "mosquitto is not installed: apt-get install mosquitto mosquitto-clients "
            + "(scripts/test.sh installs it)";

    private final Path dir;
    private final Path conf;
    private final int port;
    private Process process;

    private MosquittoBroker(Path dir, int port, List<String> extraLines) throws IOException {
        this.dir = dir;
        this.port = port;
        this.conf = dir.resolve("mosquitto.conf");
        List<String> lines = new ArrayList<>();
        lines.add("listener " + port + " 127.0.0.1");
        lines.add("user " + System.getProperty("user.name"));  // no privilege drop to a user that cannot read dir
        lines.add("log_dest file " + dir.resolve("mosquitto.log"));
        lines.add("log_type error");
        lines.add("log_type warning");
        lines.add("log_type notice");
        lines.add("max_queued_messages 100000");
        lines.addAll(extraLines);
        if (lines.stream().noneMatch(l -> l.startsWith("allow_anonymous"))) {
            lines.add("allow_anonymous true");
        }
        if (lines.stream().noneMatch(l -> l.startsWith("persistence "))) {
            lines.add("persistence false");
        }
        Files.write(conf, lines);
    }

    /** The mosquitto binary, or a skip (a failure under CI=true) naming the package. */
    static Path binary() {
        for (Path candidate : CANDIDATES) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(MISSING);
        }
        Assumptions.abort(MISSING);
        return null;
    }

    /** Starts mosquitto with the extra configuration lines (e.g. TLS, password file) in {@code dir}. */
    static MosquittoBroker start(Path dir, String... extraLines) throws IOException, InterruptedException {
        binary();
        MosquittoBroker broker = new MosquittoBroker(dir, freePort(), List.of(extraLines));
        broker.startProcess();
        return broker;
    }

    int port() {
        return port;
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + port;
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary().toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("mosquitto exited with " + process.exitValue() + ": " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (process.isAlive()) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        fail("mosquitto did not listen on 127.0.0.1:" + port + " within 10 s: " + log());
    }

    /** Stops the broker (SIGTERM to its PID, so it saves persistent sessions), keeping the port for {@link #restart()}. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    String log() {
        try {
            Path log = dir.resolve("mosquitto.log");
            Path out = dir.resolve("mosquitto.out");
            return (Files.exists(log) ? Files.readString(log) : "") + (Files.exists(out) ? Files.readString(out) : "");
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
