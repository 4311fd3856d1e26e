package io.butlersos.itest.influxdb;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real InfluxDB 1.x for an integration test: {@code influxd} from the Debian package {@code influxdb},
 * on a free loopback port, data in a temporary folder, reporting off. Missing: skipped with a message
 * naming the package, or failed under {@code CI=true}.
 */
final class InfluxdProcess implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Path folder;
    private final Process process;
    private final int port;

    private InfluxdProcess(Path folder, Process process, int port) {
        this.folder = folder;
        this.process = process;
        this.port = port;
    }

    static InfluxdProcess start() throws Exception {
        Path binary = Path.of("/usr/bin/influxd");
        if (!Files.isExecutable(binary)) {
            String message = "InfluxDB 1.x (influxd) is not installed: install the Debian package 'influxdb' "
                    + "(apt-get install -y influxdb influxdb-client) to run the InfluxDB integration test";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        Path folder = Files.createTempDirectory("itest-influxd");
        int port = freePort();
        String dir = folder.toString();
        Files.writeString(folder.resolve("influxdb.conf"), String.join("\n",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + freePort() + "\"",
                "[meta]", "  dir = \"" + dir + "/meta\"",
                "[data]", "  dir = \"" + dir + "/data\"", "  wal-dir = \"" + dir + "/wal\"",
                "[monitor]", "  store-enabled = false",
                "[http]", "  bind-address = \"127.0.0.1:" + port + "\"", "  log-enabled = false",
                "[continuous_queries]", "  enabled = false", ""));
        Process process = new ProcessBuilder(binary.toString(), "run", "-config",
                folder.resolve("influxdb.conf").toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("influxd.log").toFile()).start();
        InfluxdProcess influxd = new InfluxdProcess(folder, process, port);
        influxd.awaitPing();
        return influxd;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The raw JSON answer of an InfluxQL query. */
    String query(String database, String influxQl) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + "/query?db=" + database + "&q="
                + URLEncoder.encode(influxQl, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private void awaitPing() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("influxd exited: " + Files.readString(folder.resolve("influxd.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("influxd did not answer /ping within 60 s");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        return io.butlersos.itest.FreePorts.port();
    }
}
