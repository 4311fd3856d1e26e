package io.butlersos.core.internal;

import java.io.IOException;
import java.lang.reflect.Proxy;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkStatus;
import io.butlersos.sink.influxdb.internal.InfluxConfig;
import io.butlersos.sink.influxdb.internal.InfluxSink;
import io.butlersos.sink.influxdb.internal.LogEvents;
import org.osgi.framework.Constants;

/**
 * End to end: log-shaped events published at a fixed rate → delivery core → InfluxDB sink → a real
 * InfluxDB 1.x that this tool starts ({@code influxd} from the Debian package, loopback, temporary
 * data folder). Reports the rate reached, what was delivered, the HTTP write requests InfluxDB counted
 * ({@code /debug/vars}, {@code httpd.writeReq}) per 10k events, the points it stored, and CPU time.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.butlersos.core.internal.InfluxEndToEnd --rate 100000 --seconds 30</pre>
 */
public final class InfluxEndToEnd {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private InfluxEndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "100000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        boolean gzip = Boolean.parseBoolean(options.getOrDefault("gzip", "false"));
        long total = (long) rate * seconds;

        Path folder = Files.createTempDirectory("influxd-bench");
        int port = freePort();
        Process influxd = startInfluxd(folder, port);
        String url = "http://127.0.0.1:" + port;
        SignalRouter router = new SignalRouter();
        InfluxSink sink = null;
        try {
            awaitPing(url, influxd);
            router.activate(PublishBenchmark.config(Map.of("buffer_limit", 1_000_000, "stats_interval_s", 3600L)));
            sink = new InfluxSink(influx(Map.of("url", url, "database", "bench", "retention_policy", "",
                    "gzip", gzip)), () -> null, "bench");
            Map<String, Object> props = new HashMap<>();
            props.put(Constants.SERVICE_ID, 1L);
            props.put(Sink.NAME, "influxdb");
            props.put(Sink.BATCH_SIZE, 5_000);
            props.put(Sink.WRITE_TIMEOUT_MS, 40_000L);
            router.bindSink(sink, props);

            long requestsBefore = debugVar(url, "writeReq");
            long cpuBefore = cpuNanos(ProcessHandle.current());
            long influxCpuBefore = cpuNanos(influxd.toHandle());
            Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                // 100 events share each millisecond of event time, as on a busy site.
                router.publish(LogEvents.event(i, base.plusMillis(i * 1000 / Math.max(rate, 1))));
                if (i % 1_000 == 999) {
                    long due = start + (i + 1) * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            long published = System.nanoTime();
            SinkStatus status = router.sinks().get(0);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (status.delivered() + status.droppedTotal() < total && System.nanoTime() < deadline) {
                Thread.sleep(50);
                status = router.sinks().get(0);
            }
            long done = System.nanoTime();
            long requests = debugVar(url, "writeReq") - requestsBefore;
            long stored = count(url, "SELECT count(message) FROM log_event");
            double publishSeconds = (published - start) / 1e9;
            double allSeconds = (done - start) / 1e9;
            System.out.printf("events published      %,d in %.2f s = %,.0f events/s (target %,d/s, gzip %s)%n", total,
                    publishSeconds, total / publishSeconds, rate, gzip);
            System.out.printf("delivered             %,d (dropped %s, retries %d) all written after %.2f s = %,.0f events/s%n",
                    status.delivered(), status.dropped(), status.retries(), allSeconds, status.delivered() / allSeconds);
            System.out.printf("write requests        %,d = %.2f per 10k delivered events (mean write %.1f ms, max %.1f ms)%n",
                    requests, requests * 10_000.0 / Math.max(1, status.delivered()), status.writeTimeAvgMs(),
                    status.writeTimeMaxMs());
            System.out.printf("points in InfluxDB    %,d (SELECT count(message) FROM log_event)%n", stored);
            System.out.printf("CPU                   agent %.1f s, influxd %.1f s (of %.1f s wall, 2 cores)%n",
                    (cpuNanos(ProcessHandle.current()) - cpuBefore) / 1e9,
                    (cpuNanos(influxd.toHandle()) - influxCpuBefore) / 1e9, allSeconds);
        } finally {
            router.deactivate();
            if (sink != null) {
                sink.close();
            }
            influxd.destroy();
            influxd.waitFor();
        }
    }

    private static Process startInfluxd(Path folder, int port) throws IOException {
        String dir = folder.toString();
        Files.writeString(folder.resolve("influxdb.conf"), String.join("\n",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + freePort() + "\"",
                "[meta]", "  dir = \"" + dir + "/meta\"",
                "[data]", "  dir = \"" + dir + "/data\"", "  wal-dir = \"" + dir + "/wal\"",
                "  query-log-enabled = false",
                "[monitor]", "  store-enabled = false",
                "[http]", "  bind-address = \"127.0.0.1:" + port + "\"", "  log-enabled = false",
                "[continuous_queries]", "  enabled = false", ""));
        return new ProcessBuilder("influxd", "run", "-config", folder.resolve("influxdb.conf").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("influxd.log").toFile()).start();
    }

    private static void awaitPing(String url, Process influxd) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && influxd.isAlive()) {
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
        throw new IllegalStateException("influxd did not start");
    }

    private static long debugVar(String url, String name) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/debug/vars")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?s)\"httpd:[^\"]*\":\\s*\\{.*?\"" + name + "\":\\s*(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long count(String url, String query) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/query?db=bench&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"values\":\\[\\[[^,]+,(\\d+)").matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static InfluxConfig influx(Map<String, Object> overrides) {
        return (InfluxConfig) Proxy.newProxyInstance(InfluxConfig.class.getClassLoader(),
                new Class<?>[] {InfluxConfig.class}, (proxy, method, args) -> method.getName().equals("annotationType")
                        ? InfluxConfig.class : overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
