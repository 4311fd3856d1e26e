package io.butlersos.sink.influxdb.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code influxd} 1.x (Debian package {@code influxdb}) for the benchmarks: loopback only, data in
 * a temporary folder, from a config file written here. Two profiles:
 * <ul>
 * <li>{@code plain}: what the sink's tests use (reporting, monitor store, CQs, HTTP log off);</li>
 * <li>{@code tuned}: plain plus what a write-heavy server would set: Go's garbage collector run a
 * quarter as often ({@code GOGC=400}), write tracing, pprof and meta/trace logging off, WAL fsyncs
 * grouped every 100 ms, room for a 2 GB cache, no per-tag/per-database series limits. None of these
 * changed influxd's CPU per point beyond the noise of a shared machine (docs/performance.md). The
 * snapshot size stays at its 25 MB default: a 256 MB one cost 58-60 µs per point instead of 30-46,
 * as the garbage collector then scans a larger cache.</li>
 * </ul>
 * {@code --set section.key=value,...} overrides single keys ({@code data.index-version=tsi1}); strings
 * are quoted here. {@code env.NAME=value} sets an environment variable of the process instead
 * ({@code env.GOGC=400}: Go's garbage collector runs a quarter as often).
 */
public final class BenchInfluxd implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public final Process process;
    public final String url;
    public final Path folder;
    public final String configText;

    private BenchInfluxd(Process process, String url, Path folder, String configText) {
        this.process = process;
        this.url = url;
        this.folder = folder;
        this.configText = configText;
    }

    /** Starts influxd with a profile ({@code plain}, {@code tuned}) and overrides, and waits for /ping. */
    public static BenchInfluxd start(String profile, String overrides) throws Exception {
        Path folder = Files.createTempDirectory("influxd-bench");
        int port = freePort();
        Map<String, Map<String, String>> sections = config(profile, folder, port);
        if (overrides != null && !overrides.isBlank()) {
            for (String one : overrides.split(",")) {
                String[] kv = one.split("=", 2);
                int dot = kv[0].indexOf('.');
                String section = dot < 0 ? "" : kv[0].substring(0, dot);
                sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(kv[0].substring(dot + 1),
                        value(kv[1].trim()));
            }
        }
        StringBuilder text = new StringBuilder();
        sections.entrySet().stream().filter(e -> !e.getKey().equals("env")).forEach(e -> {
            String section = e.getKey();
            Map<String, String> keys = e.getValue();
            if (!section.isEmpty()) {
                text.append('[').append(section).append("]\n");
            }
            keys.forEach((k, v) -> text.append("  ").append(k).append(" = ").append(v).append('\n'));
        });
        Path file = folder.resolve("influxdb.conf");
        Files.writeString(file, text);
        ProcessBuilder builder = new ProcessBuilder("influxd", "run", "-config", file.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("influxd.log").toFile());
        Map<String, String> env = sections.remove("env");
        if (env != null) {
            env.forEach((k, v) -> builder.environment().put(k, v.replace("\"", "")));
        }
        Process process = builder.start();
        BenchInfluxd influxd = new BenchInfluxd(process, "http://127.0.0.1:" + port, folder, text.toString());
        influxd.awaitPing();
        return influxd;
    }

    private static Map<String, Map<String, String>> config(String profile, Path folder, int port) throws IOException {
        String dir = folder.toString();
        Map<String, Map<String, String>> s = new LinkedHashMap<>();
        s.put("", new LinkedHashMap<>(Map.of("reporting-disabled", "true",
                "bind-address", value("127.0.0.1:" + freePort()))));
        s.put("meta", new LinkedHashMap<>(Map.of("dir", value(dir + "/meta"))));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("dir", value(dir + "/data"));
        data.put("wal-dir", value(dir + "/wal"));
        data.put("query-log-enabled", "false");
        s.put("data", data);
        s.put("monitor", new LinkedHashMap<>(Map.of("store-enabled", "false")));
        Map<String, String> http = new LinkedHashMap<>();
        http.put("bind-address", value("127.0.0.1:" + port));
        http.put("log-enabled", "false");
        s.put("http", http);
        s.put("continuous_queries", new LinkedHashMap<>(Map.of("enabled", "false")));
        switch (profile) {
            case "plain" -> { }
            case "tuned" -> {
                s.get("meta").put("logging-enabled", "false");
                data.put("trace-logging-enabled", "false");
                data.put("index-version", value("inmem"));
                data.put("wal-fsync-delay", value("100ms"));
                data.put("cache-max-memory-size", value("2g"));
                data.put("max-series-per-database", "0");
                data.put("max-values-per-tag", "0");
                http.put("write-tracing", "false");
                http.put("pprof-enabled", "false");
                s.put("subscriber", new LinkedHashMap<>(Map.of("enabled", "false")));
                s.put("logging", new LinkedHashMap<>(Map.of("level", value("warn"))));
                s.put("env", new LinkedHashMap<>(Map.of("GOGC", "400")));
            }
            default -> throw new IllegalArgumentException("profile must be plain or tuned, not " + profile);
        }
        return s;
    }

    private static String value(String v) {
        return v.matches("true|false|-?\\d+") || v.startsWith("\"") ? v : "\"" + v + "\"";
    }

    private void awaitPing() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("influxd did not start: " + Files.readString(folder.resolve("influxd.log")));
    }

    /** A counter of the HTTP service from {@code /debug/vars} ({@code writeReq}, {@code pointsWrittenOK}). */
    public long httpVar(String name) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/debug/vars")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?s)\"httpd:[^\"]*\":\\s*\\{.*?\"" + name + "\":\\s*(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The first number of the first row of an InfluxQL answer, or -1. */
    public long count(String database, String query) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/query?db=" + database + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"values\":\\[\\[[^,]+,(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Series in a database ({@code SHOW SERIES CARDINALITY}, an estimate in 1.x), or -1. */
    public long seriesCardinality(String database) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/query?db=" + database + "&q="
                + URLEncoder.encode("SHOW SERIES CARDINALITY", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"values\":\\[\\[(\\d+)\\]").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Runs InfluxQL (e.g. CREATE DATABASE) with POST. */
    public void execute(String query) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(url + "/query?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** CPU time influxd used so far. */
    public long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
