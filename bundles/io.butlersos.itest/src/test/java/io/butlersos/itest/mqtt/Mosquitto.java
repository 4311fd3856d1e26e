package io.butlersos.itest.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real mosquitto on a free loopback port for the OSGi tests, stopped by its PID. Without the binary
 * the test is skipped, or fails under {@code CI=true}, naming the Debian package.
 */
final class Mosquitto implements AutoCloseable {

    static final String MISSING = "mosquitto is not installed: apt-get install mosquitto mosquitto-clients";

    private final Process process;
    private final Path dir;
    final int port;

    private Mosquitto(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static Mosquitto start() throws IOException, InterruptedException {
        Path binary = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(MISSING);
            }
            Assumptions.abort(MISSING);
        }
        int port = io.butlersos.itest.FreePorts.port();
        Path dir = Files.createTempDirectory("itest-mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        Files.write(conf, List.of("listener " + port + " 127.0.0.1", "allow_anonymous true", "persistence false",
                "user " + System.getProperty("user.name"), "log_dest file " + dir.resolve("mosquitto.log")));
        Process process = new ProcessBuilder(binary.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        Mosquitto broker = new Mosquitto(process, dir, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (process.isAlive()) {
                    return broker;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        broker.close();
        throw new AssertionError("mosquitto did not listen on 127.0.0.1:" + port + ": " + broker.log());
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    String log() {
        try {
            Path log = dir.resolve("mosquitto.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
