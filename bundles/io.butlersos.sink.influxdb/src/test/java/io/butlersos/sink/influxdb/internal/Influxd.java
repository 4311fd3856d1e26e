package io.butlersos.sink.influxdb.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.butlersos.api.json.JsonReader;

/**
 * A real InfluxDB 1.x ({@code influxd} from the Debian package {@code influxdb}) for one test class:
 * started on free loopback ports with its data in a temporary folder, from a config file written
 * here (every listener on 127.0.0.1, reporting off), and stopped afterwards.
 *
 * <p>Without the package the tests are skipped with a message naming it, and under {@code CI=true}
 * they fail instead, so a missing server never passes silently.
 *
 * <pre>{@code @RegisterExtension static final Influxd INFLUXD = Influxd.plain();}</pre>
 */
public final class Influxd implements BeforeAllCallback, AfterAllCallback {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-Pa55";
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final boolean auth;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Path folder;
    private Process process;
    private int httpPort;

    private Influxd(boolean auth) {
        this.auth = auth;
    }

    /** Without authentication. */
    public static Influxd plain() {
        return new Influxd(false);
    }

    /** With {@code auth-enabled}, and an admin user ({@link #ADMIN}) the test creates. */
    public static Influxd withAuth() {
        return new Influxd(true);
    }

    /** The path of influxd, or null. */
    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "influxd");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/influxd");
        return Files.isExecutable(debian) ? debian : null;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path binary = binary();
        if (binary == null) {
            unavailable(System.getenv("CI"));
        }
        folder = Files.createTempDirectory("influxd-test");
        httpPort = freePort();
        int rpcPort = freePort();
        Path config = folder.resolve("influxdb.conf");
        Files.writeString(config, configFile(rpcPort));
        process = new ProcessBuilder(binary.toString(), "run", "-config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("influxd.log").toFile())
                .start();
        awaitReady();
        if (auth) {
            // With no user yet, InfluxDB 1.x lets anyone create the first admin.
            query(null, "CREATE USER " + ADMIN + " WITH PASSWORD '" + ADMIN_PASSWORD + "' WITH ALL PRIVILEGES",
                    false);
        }
    }

    static final String MISSING = "InfluxDB 1.x (influxd) is not installed: install the Debian package 'influxdb' "
            + "(apt-get install -y influxdb influxdb-client) to run these tests";

    /** Without influxd: a failure under CI=true, a skip that names the package otherwise. Never a pass. */
    static void unavailable(String ci) {
        if ("true".equalsIgnoreCase(ci)) {
            fail(MISSING);
        }
        Assumptions.abort(MISSING);
    }

    private String configFile(int rpcPort) {
        String dir = folder.toString().replace("\\", "/");
        return String.join("\n",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + rpcPort + "\"",
                "[meta]",
                "  dir = \"" + dir + "/meta\"",
                "[data]",
                "  dir = \"" + dir + "/data\"",
                "  wal-dir = \"" + dir + "/wal\"",
                "  query-log-enabled = false",
                "[monitor]",
                "  store-enabled = false",
                "[http]",
                "  enabled = true",
                "  bind-address = \"127.0.0.1:" + httpPort + "\"",
                "  auth-enabled = " + auth,
                "  log-enabled = false",
                "[continuous_queries]",
                "  enabled = false",
                "[subscriber]",
                "  enabled = false",
                "[[graphite]]",
                "  enabled = false",
                "[[collectd]]",
                "  enabled = false",
                "[[opentsdb]]",
                "  enabled = false",
                "[[udp]]",
                "  enabled = false",
                "");
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("influxd exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> ping = client.send(HttpRequest.newBuilder(URI.create(url() + "/ping"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ping.statusCode() == 204) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("influxd did not answer /ping within " + START_DEADLINE + ":\n" + log());
    }

    String log() {
        try {
            return Files.readString(folder.resolve("influxd.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Runs InfluxQL as the admin (when auth is on); timestamps in ns. Throws on an error answer. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> query(String database, String influxQl) throws Exception {
        return query(database, influxQl, auth);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> query(String database, String influxQl, boolean asAdmin) throws Exception {
        String form = "q=" + InfluxApi.enc(influxQl) + (database == null ? "" : "&db=" + InfluxApi.enc(database))
                + "&epoch=ns";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (asAdmin) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Object json = JsonReader.parseOrNull(response.body());
        String error = JsonReader.stringMember(json, "error");
        if (response.statusCode() != 200 || error != null) {
            throw new IllegalStateException("'" + influxQl + "' → HTTP " + response.statusCode() + ": " + response.body());
        }
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) json).get("results"))
                .get(0);
        if (first.get("error") != null) {
            throw new IllegalStateException("'" + influxQl + "' → " + first.get("error"));
        }
        return first;
    }

    /** The rows of the first series of a query, each as column → value. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows(String database, String influxQl) throws Exception {
        Map<String, Object> result = query(database, influxQl);
        List<Map<String, Object>> rows = new ArrayList<>();
        Object series = result.get("series");
        if (!(series instanceof List<?> all)) {
            return rows;
        }
        for (Object s : all) {
            Map<String, Object> one = (Map<String, Object>) s;
            List<String> columns = (List<String>) one.get("columns");
            Map<String, Object> tags = (Map<String, Object>) one.getOrDefault("tags", Map.of());
            for (Object values : (List<Object>) one.get("values")) {
                Map<String, Object> row = new LinkedHashMap<>(tags);
                List<Object> list = (List<Object>) values;
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), list.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Field name → InfluxDB type ("integer", "float", "string", "boolean") of a measurement. */
    public Map<String, String> fieldTypes(String database, String measurement) throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row : rows(database, "SHOW FIELD KEYS FROM \"" + measurement + "\"")) {
            types.put((String) row.get("fieldKey"), (String) row.get("fieldType"));
        }
        return types;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
