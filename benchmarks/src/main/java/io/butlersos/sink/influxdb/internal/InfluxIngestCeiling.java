package io.butlersos.sink.influxdb.internal;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.butlersos.api.Signal;

/**
 * How many log-event points per second {@code influxd} alone takes on this machine: the bodies are
 * encoded by the sink's own encoder before the clock starts (5000 events each, unique timestamps,
 * 10 µs apart), then POSTed with the sink's own HTTP transport by {@code --writers} threads, each
 * taking the next body. Nothing else runs, so the figure is the ceiling an end-to-end run can reach.
 *
 * <pre>java -Xmx4g -cp benchmarks/target/benchmarks.jar io.butlersos.sink.influxdb.internal.InfluxIngestCeiling \
 *     --events 1000000 --writers 2 --profile tuned [--precision ns] [--gzip false] [--set data.index-version=tsi1] [--dump dir]</pre>
 * {@code --dump dir} writes the bodies to files ({@code body-0000.lp}...) and stops, for a curl loop;
 * {@code --from dir} reads such files instead of encoding (the precision must match the dump's).
 */
public final class InfluxIngestCeiling {

    private InfluxIngestCeiling() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int events = Integer.parseInt(o.getOrDefault("events", "1000000"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "5000"));
        int writers = Integer.parseInt(o.getOrDefault("writers", "1"));
        boolean gzip = Boolean.parseBoolean(o.getOrDefault("gzip", "false"));
        Precision precision = Precision.of(o.getOrDefault("precision", "ns"));

        long encodeStart = System.nanoTime();
        List<byte[]> bodies = o.containsKey("from") ? read(Path.of(o.get("from"))) : bodies(events, batch, precision);
        events = o.containsKey("from") ? lines(bodies) : events;
        long bytes = bodies.stream().mapToLong(b -> b.length).sum();
        System.out.printf("encoded %,d events into %d bodies, %,d bytes (%.0f bytes/event) in %.1f s%n", events,
                bodies.size(), bytes, bytes / (double) events, (System.nanoTime() - encodeStart) / 1e9);
        if (o.containsKey("dump")) {
            Path dir = Files.createDirectories(Path.of(o.get("dump")));
            for (int i = 0; i < bodies.size(); i++) {
                Files.write(dir.resolve(String.format("body-%04d.lp", i)), bodies.get(i));
            }
            System.out.println("written to " + dir);
            return;
        }

        try (BenchInfluxd influxd = BenchInfluxd.start(o.getOrDefault("profile", "tuned"), o.get("set"))) {
            influxd.execute("CREATE DATABASE bench");
            URI write = URI.create(influxd.url + "/write?db=bench&precision=" + precision.queryValue(1));
            AtomicInteger next = new AtomicInteger();
            AtomicLong failures = new AtomicLong();
            AtomicLong busyNanos = new AtomicLong();
            long influxCpu = influxd.cpuNanos();
            long ownCpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Thread t = new Thread(() -> {
                    try (HttpTransport http = new HttpTransport(TlsContexts.forCaFile(""), Duration.ofSeconds(120),
                            gzip, "ceiling-http")) {
                        for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = http.post(write, bodies.get(i), "text/plain; charset=utf-8", null);
                            busyNanos.addAndGet(System.nanoTime() - t0);
                            if (r.statusCode() != 204) {
                                failures.incrementAndGet();
                                System.out.println("HTTP " + r.statusCode() + ": " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "ceiling-writer-" + w);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double influxSeconds = (influxd.cpuNanos() - influxCpu) / 1e9;
            double clientSeconds = (ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos)
                    .orElse(0L) - ownCpu) / 1e9;
            long stored = influxd.count("bench", "SELECT count(message) FROM log_event");
            System.out.printf("profile %s %s, %d writer(s), precision %s, gzip %s%n", o.getOrDefault("profile", "tuned"),
                    o.getOrDefault("set", ""), writers, precision.configName(), gzip);
            System.out.printf("written %,d events in %.2f s = %,.0f events/s (%,.1f MB/s); %d failed requests; "
                    + "mean request %.0f ms%n", events, seconds, events / seconds, bytes / seconds / 1e6,
                    failures.get(), busyNanos.get() / 1e6 / bodies.size());
            System.out.printf("stored %,d (SELECT count(message) FROM log_event) in %,d series%n", stored,
                    influxd.seriesCardinality("bench"));
            System.out.printf("CPU influxd %.1f s = %.2f cores; client %.1f s = %.2f cores; influxd %.1f µs/event%n",
                    influxSeconds, influxSeconds / seconds, clientSeconds, clientSeconds / seconds,
                    influxSeconds * 1e6 / events);
        }
    }

    private static List<byte[]> read(Path dir) throws java.io.IOException {
        List<byte[]> bodies = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".lp")).sorted().toList()) {
                bodies.add(Files.readAllBytes(file));
            }
        }
        return bodies;
    }

    private static int lines(List<byte[]> bodies) {
        int lines = 0;
        for (byte[] body : bodies) {
            for (byte b : body) {
                lines += b == '\n' ? 1 : 0;
            }
        }
        return lines;
    }

    /** Bodies of {@code batch} log events each, one event every 10 µs from an hour ago. */
    static List<byte[]> bodies(int events, int batch, Precision precision) {
        BatchEncoder encoder = new BatchEncoder(new SchemaMapping(1, false, Map.of()), precision,
                LineProtocol.Dialect.of(1));
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < events; from += batch) {
            List<Signal> signals = new ArrayList<>(batch);
            for (int i = from; i < Math.min(events, from + batch); i++) {
                signals.add(LogEvents.event(i, base.plusNanos(i * 10_000L)));
            }
            EncodedBatch encoded = encoder.encode(signals);
            encoder.written(encoded);
            bodies.add(encoded.bytes());
        }
        return bodies;
    }
}
