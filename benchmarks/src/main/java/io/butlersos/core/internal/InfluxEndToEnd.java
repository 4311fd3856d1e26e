package io.butlersos.core.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkStatus;
import io.butlersos.events.internal.BenchLogReceiver;
import io.butlersos.sink.influxdb.internal.BenchInfluxd;
import io.butlersos.sink.influxdb.internal.EncodeOnlySink;
import io.butlersos.sink.influxdb.internal.InfluxConfig;
import io.butlersos.sink.influxdb.internal.InfluxSink;
import io.butlersos.sink.influxdb.internal.LogEvents;
import org.osgi.framework.Constants;

/**
 * End to end: log events → delivery core → InfluxDB sink → a real InfluxDB 1.x that this tool starts
 * ({@code influxd} from the Debian package, loopback, temporary data folder; see {@link BenchInfluxd}
 * for the {@code plain} and {@code tuned} profiles). Reports the rate reached, what was delivered, the
 * HTTP write requests InfluxDB counted ({@code /debug/vars}, {@code httpd.writeReq}) per 10k events,
 * the points it stored, and the CPU time of each process, and of the agent's threads by job.
 *
 * <p>Sources: {@code --source publish} (default) creates {@code LogEvent} records in this JVM at the
 * rate; {@code --source udp} runs the real log-event receiver (reader, parser workers) on a loopback
 * port and starts {@code UdpLoadGenerator} as a separate process that sends Sense log datagrams at
 * the rate, so generator, agent and influxd each show their own CPU. {@code --sink encode-only}
 * replaces the InfluxDB sink by its encoder alone (no influxd): the agent's own ceiling.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.butlersos.core.internal.InfluxEndToEnd --rate 100000 --seconds 30 \
 *     [--source publish|udp] [--sink influxdb|encode-only] [--profile plain|tuned] [--set env.GOGC=400] [--gzip false]
 *     [--concurrency 2] [--batch 5000] [--buffer 1000000]</pre>
 */
public final class InfluxEndToEnd {

    private InfluxEndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "100000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        boolean gzip = Boolean.parseBoolean(options.getOrDefault("gzip", "false"));
        String source = options.getOrDefault("source", "publish");
        boolean encodeOnly = options.getOrDefault("sink", "influxdb").equals("encode-only");
        long total = (long) rate * seconds;

        BenchInfluxd influxd = encodeOnly ? null
                : BenchInfluxd.start(options.getOrDefault("profile", "plain"), options.get("set"));
        SignalRouter router = new SignalRouter();
        InfluxSink sink = null;
        BenchLogReceiver receiver = null;
        LongAdder published = new LongAdder();
        SignalPublisher counting = signal -> {
            published.increment();
            router.publish(signal);
        };
        try {
            router.activate(PublishBenchmark.config(Map.of("buffer_limit",
                    Integer.parseInt(options.getOrDefault("buffer", "1000000")), "stats_interval_s", 3600L)));
            Sink target;
            if (encodeOnly) {
                target = new EncodeOnlySink();
            } else {
                sink = new InfluxSink(influx(Map.of("url", influxd.url, "database", "bench", "retention_policy", "",
                        "gzip", gzip, "precision", options.getOrDefault("precision", "ns"), "write_concurrency",
                        Integer.parseInt(options.getOrDefault("concurrency", "2")))), () -> null, "bench");
                target = sink;
            }
            Map<String, Object> props = new HashMap<>();
            props.put(Constants.SERVICE_ID, 1L);
            props.put(Sink.NAME, "influxdb");
            props.put(Sink.BATCH_SIZE, Integer.parseInt(options.getOrDefault("batch", "5000")));
            props.put(Sink.WRITE_TIMEOUT_MS, 40_000L);
            router.bindSink(target, props);
            if (source.equals("udp")) {
                receiver = new BenchLogReceiver(counting, 2, 32 << 20);
            }

            long requestsBefore = influxd == null ? 0 : influxd.httpVar("writeReq");
            Map<String, Long> threadsBefore = threadCpu();
            long cpuBefore = cpuNanos(ProcessHandle.current());
            long influxCpuBefore = influxd == null ? 0 : influxd.cpuNanos();
            long start = System.nanoTime();
            String generatorReport = "";
            if (receiver != null) {
                Process generator = startGenerator(receiver, rate, seconds);
                // The clock starts with the first datagram, after the generator has rendered its datagrams.
                while (receiver.received() == 0 && generator.isAlive()) {
                    Thread.sleep(1);
                }
                start = System.nanoTime();
                generatorReport = awaitGenerator(generator, receiver);
                total = receiver.received();
            } else {
                publish(counting, total, rate, start);
            }
            long sent = System.nanoTime();
            SinkStatus status = router.sinks().get(0);
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (status.delivered() + status.droppedTotal() < published.sum()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
                status = router.sinks().get(0);
            }
            long done = System.nanoTime();
            double sendSeconds = (sent - start) / 1e9;
            double allSeconds = (done - start) / 1e9;
            double agentCpu = (cpuNanos(ProcessHandle.current()) - cpuBefore) / 1e9;
            Map<String, Long> threads = threadCpu();
            threads.replaceAll((name, nanos) -> nanos - threadsBefore.getOrDefault(name, 0L));
            System.out.printf("source %s, sink %s, write.concurrency %s, influxd profile %s %s, load average %s%n", source,
                    encodeOnly ? "encode-only" : "influxdb", options.getOrDefault("concurrency", "2"),
                    encodeOnly ? "-" : options.getOrDefault("profile", "plain"), options.getOrDefault("set", ""),
                    loadAverage());
            if (receiver != null) {
                System.out.println("generator             " + generatorReport);
                System.out.printf("received              %,d datagrams (receiver drops %s), %,d signals published%n",
                        receiver.received(), receiver.dropped(), published.sum());
            }
            System.out.printf("events published      %,d in %.2f s = %,.0f events/s (target %,d/s, gzip %s)%n",
                    published.sum(), sendSeconds, published.sum() / sendSeconds, rate, gzip);
            System.out.printf("delivered             %,d (dropped %s, retries %d) all written after %.2f s = "
                    + "%,.0f events/s%n", status.delivered(), status.dropped(), status.retries(),
                    allSeconds, status.delivered() / allSeconds);
            if (influxd != null) {
                long requests = influxd.httpVar("writeReq") - requestsBefore;
                long stored = influxd.count("bench", "SELECT count(raw_event) FROM log_event");
                double influxCpu = (influxd.cpuNanos() - influxCpuBefore) / 1e9;
                System.out.printf("write requests        %,d = %.2f per 10k delivered events (mean write %.1f ms, max %.1f ms)%n",
                        requests, requests * 10_000.0 / Math.max(1, status.delivered()), status.writeTimeAvgMs(),
                        status.writeTimeMaxMs());
                System.out.printf("points in InfluxDB    %,d (SELECT count(raw_event) FROM log_event) = %,.0f stored/s, "
                        + "%,d series%n", stored, stored / allSeconds, influxd.seriesCardinality("bench"));
                System.out.printf("CPU influxd           %.1f s = %.2f cores, %.1f µs per stored event%n", influxCpu,
                        influxCpu / allSeconds, influxCpu * 1e6 / Math.max(1, stored));
            }
            System.out.printf("CPU agent             %.1f s = %.2f cores, %.1f µs per delivered event%s%n", agentCpu,
                    agentCpu / allSeconds, agentCpu * 1e6 / Math.max(1, status.delivered()),
                    receiver == null ? " (creating the events included)" : "");
            System.out.println("agent threads (CPU s) " + byJob(threads));
        } finally {
            if (receiver != null) {
                receiver.close();
            }
            router.deactivate();
            if (sink != null) {
                sink.close();
            }
            if (influxd != null) {
                influxd.close();
            }
        }
    }

    /** Creates log events in this thread at the rate: 100 share each millisecond of event time at 100k/s. */
    private static void publish(SignalPublisher publisher, long total, int rate, long start) throws InterruptedException {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (long i = 0; i < total; i++) {
            publisher.publish(LogEvents.event(i, base.plusMillis(i * 1000 / Math.max(rate, 1))));
            if (i % 1_000 == 999) {
                long due = start + (i + 1) * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
    }

    /** Starts UdpLoadGenerator in its own JVM against the receiver. */
    private static Process startGenerator(BenchLogReceiver receiver, int rate, int seconds) throws Exception {
        // Every datagram distinct (its own millisecond), so each is its own point in InfluxDB.
        long count = (long) rate * seconds;
        Process generator = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + Math.max(1, count / 500_000) + "g", "-cp", System.getProperty("java.class.path"),
                "io.butlersos.events.internal.UdpLoadGenerator", "127.0.0.1:" + receiver.address().getPort(),
                Integer.toString(rate), Integer.toString(seconds), "1", Long.toString(count))
                .redirectErrorStream(true).start();
        return generator;
    }

    /** Waits for the generator to finish and the receiver to be quiet; the generator's report. */
    private static String awaitGenerator(Process generator, BenchLogReceiver receiver) throws Exception {
        String output = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        generator.waitFor();
        long last = -1;
        while (receiver.received() != last) {
            last = receiver.received();
            Thread.sleep(300);
        }
        return output;
    }

    private static Map<String, Long> threadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                cpu.merge(info.getThreadName(), Math.max(0, mx.getThreadCpuTime(info.getThreadId())), Long::sum);
            }
        }
        return cpu;
    }

    /** Thread CPU grouped by job: UDP receiver, core worker (encoding happens there), HTTP, the rest. */
    private static String byJob(Map<String, Long> threads) {
        Map<String, Double> jobs = new LinkedHashMap<>();
        threads.forEach((name, nanos) -> {
            String job = name.startsWith(BenchLogReceiver.THREADS) ? "receiver"
                    : name.startsWith("butlersos-sink-") ? "sink worker (encode + send)"
                    : name.startsWith("butlersos-influxdb-") || name.startsWith("HttpClient") ? "http client"
                    : name.equals("main") ? "main (event creation)"
                    : name.startsWith("GC ") || name.startsWith("G1 ") ? "GC" : "other";
            jobs.merge(job, nanos / 1e9, Double::sum);
        });
        StringBuilder out = new StringBuilder();
        jobs.forEach((job, s) -> out.append(String.format("%s %.1f; ", job, s)));
        return out.toString();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).substring(0, 14).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static InfluxConfig influx(Map<String, Object> overrides) {
        return (InfluxConfig) Proxy.newProxyInstance(InfluxConfig.class.getClassLoader(),
                new Class<?>[] {InfluxConfig.class}, (proxy, method, args) -> method.getName().equals("annotationType")
                        ? InfluxConfig.class : overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
