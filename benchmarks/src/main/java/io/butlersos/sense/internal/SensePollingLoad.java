package io.butlersos.sense.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.cert.internal.CertificateSet;
import io.butlersos.cert.internal.LoadedSet;

/**
 * Load test of Sense polling: N simulated nodes (mutual TLS, in this JVM, or in a stand-alone simulator
 * process with {@code --simulator-jar}) polled by the real pollers for health and sessions, all on the
 * same interval with no jitter. All pollers start at once, as at agent start-up; the product's start
 * pacing spaces their first polls. Reports per tick how many servers answered and the poll latency
 * percentiles (scheduled poll to published signal), the span of each tick, skipped ticks and the CPU of
 * the polling threads apart from the simulator's.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.butlersos.sense.internal.SensePollingLoad --servers 500 --interval-s 30 --ticks 8
 *     [--start-rate 25 (the product default; 0 = all at once)]
 *     [--connect-concurrency 32 (the product default; 0 = no limit)]
 *     [--simulator-jar bundles/io.butlersos.simulator/target/io.butlersos.simulator-*-standalone.jar
 *      [--simulator-warm-up 2000]]
 * </pre>
 */
public final class SensePollingLoad {

    private SensePollingLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int servers = Integer.parseInt(o.getOrDefault("servers", "500"));
        long intervalMs = Long.parseLong(o.getOrDefault("interval-s", "30")) * 1000;
        int ticks = Integer.parseInt(o.getOrDefault("ticks", "6"));
        int simulatorThreads = Integer.parseInt(o.getOrDefault("simulator-threads", "32"));
        // Real Sense keeps idle connections open longer than the JDK server's 30 s default.
        System.setProperty("sun.net.httpserver.idleInterval", o.getOrDefault("server-idle-s", "300")); // in-process simulator

        Path dir = Files.createTempDirectory("sense-load");
        SimulatorUnderTest simulator = o.containsKey("simulator-jar")
                ? ExternalSimulator.start(Path.of(o.get("simulator-jar")), dir, servers, simulatorThreads,
                        Integer.parseInt(o.getOrDefault("simulator-warm-up", "0")), o.getOrDefault("server-idle-s", "300"))
                : InProcessSimulator.start(dir, servers, simulatorThreads);
        List<SimulatorUnderTest.Target> nodes = simulator.targets();
        System.out.printf("%d simulated nodes up (%s)%n", nodes.size(), simulator);

        PollingRuntime runtime = new PollingRuntime();
        if (o.containsKey("connect-concurrency")) { // the product's connect.concurrency; 0 = no limit
            runtime.connectionGate().setLimit(Integer.parseInt(o.get("connect-concurrency")));
        }
        if (o.containsKey("start-rate")) { // the product's start.rate; 0 = all servers at once
            runtime.startPacer().setRate(Integer.parseInt(o.get("start-rate")));
        }
        runtime.addCertificateSet(new CertificateSet("default",
                new LoadedSet.Files(simulator.clientCert(), simulator.clientKey(), simulator.root(), null), false,
                Duration.ofDays(30), Clock.systemUTC()));
        Recorder recorder = new Recorder();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpuStart = os.getProcessCpuTime();
        long externalCpuStart = simulator.externalCpuNanos();
        Map<Long, Long> threadCpuStart = cpuByThread(threads);
        long wallStart = System.nanoTime();
        CpuSampler sampler = new CpuSampler(os, threads);
        sampler.start();

        // All pollers start at once, as at agent start-up; the product's start pacing spaces their first
        // polls. A poll's latency counts from its scheduled time: the server's start slot plus whole intervals.
        long anchorNanos = System.nanoTime();
        Instant anchor = Instant.now();
        long[] startNanos = new long[servers];
        List<ServerPoller> pollers = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            ServerSettings settings = ServerSettings.from(config("sim" + i, nodes.get(i), intervalMs));
            ServerPoller poller = new ServerPoller(runtime.timer(), runtime, runtime.connectionGate(),
                    runtime.startPacer(), recorder, () -> null, new PollErrors(Clock.systemUTC(), "load"),
                    Clock.systemUTC());
            poller.start(settings);
            startNanos[i] = anchorNanos + Duration.between(anchor, poller.pacedStart()).toNanos();
            pollers.add(poller);
        }
        long lastStart = Arrays.stream(startNanos).max().orElse(wallStart);
        long end = lastStart + (ticks - 1) * intervalMs * 1_000_000L + intervalMs * 500_000L;
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000L));

        long wall = System.nanoTime() - wallStart;
        long processCpu = os.getProcessCpuTime() - processCpuStart;
        long externalCpu = simulator.externalCpuNanos() - externalCpuStart;
        long pollerCpu = 0;
        long simulatorCpu = 0;
        for (Map.Entry<Long, Long> e : cpuByThread(threads).entrySet()) {
            String name = threadName(threads, e.getKey());
            long used = e.getValue() - threadCpuStart.getOrDefault(e.getKey(), 0L);
            if (name.startsWith("butlersos-sense") || name.startsWith("HttpClient")) {
                pollerCpu += used;
            } else if (name.startsWith("sense-simulator") || name.startsWith("HTTP-Dispatcher")) {
                simulatorCpu += used;
            }
        }
        System.out.println("stats of sim0: health " + pollers.get(0).healthStats() + ", sessions " + pollers.get(0).sessionStats());
        pollers.forEach(ServerPoller::stop);
        long skipped = pollers.stream().mapToLong(p -> p.healthStats().skipped.get() + p.sessionStats().skipped.get()).sum();

        System.out.printf("%nservers=%d interval=%d ms ticks=%d start.rate=%d/s (last first poll %.1f s after start)"
                + " cores=%d java=%s load=%.1f connect.concurrency=%d (peak %d, %d requests needed a new connection)%n",
                servers, intervalMs, ticks, runtime.startPacer().rate(), (lastStart - wallStart) / 1e9,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                os.getSystemLoadAverage(), runtime.connectionGate().limit(), runtime.connectionGate().peakInUse(),
                runtime.connectionGate().granted());
        long coldEnd = Math.max(report("health", recorder.health, startNanos, intervalMs, ticks, servers),
                report("sessions", recorder.sessions, startNanos, intervalMs, ticks, servers));
        if (coldEnd > 0) {
            double[] cold = sampler.percentOfOneCore(wallStart, coldEnd);
            System.out.printf("CPU during the cold tick (first start to its last answer, %.1f s), %% of one core: whole process %.0f,"
                    + " polling threads %.0f, simulator threads %.0f, GC %.0f; JIT compilers busy %.0f (time in compilations,"
                    + " summed over the compiler threads, not CPU)%n",
                    (coldEnd - wallStart) / 1e9, cold[0], cold[1], cold[2], cold[4], cold[3]);
        }
        System.out.printf("errors=%d skipped ticks=%d%n", recorder.errors.get(), skipped);
        if (!recorder.errorTexts.isEmpty()) {
            System.out.println("first error: " + recorder.errorTexts.peek());
        }
        double cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("CPU of the polling threads: %.2f %% of one core (%.2f %% of the machine)%n",
                100.0 * pollerCpu / wall, 100.0 * pollerCpu / wall / cores);
        System.out.printf("CPU of the simulator threads: %.2f %% of one core; whole process: %.2f %% of one core%n",
                100.0 * simulatorCpu / wall, 100.0 * processCpu / wall);
        if (externalCpu > 0) {
            System.out.printf("CPU of the simulator's own process: %.2f %% of one core%n", 100.0 * externalCpu / wall);
        }
        runtime.deactivate();
        simulator.close();
        System.exit(0);
    }

    private static Map<Long, Long> cpuByThread(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    private static String threadName(ThreadMXBean threads, long id) {
        var info = threads.getThreadInfo(id);
        return info == null ? "" : info.getThreadName();
    }

    private static SenseServerConfig config(String name, SimulatorUnderTest.Target node, long intervalMs) {
        Map<String, Object> values = new HashMap<>();
        values.put("server_name", name);
        values.put("host", node.host() + ":" + node.enginePort());
        values.put("proxy_host", node.host() + ":" + node.proxyPort());
        values.put("health_interval_ms", intervalMs);
        values.put("sessions_interval_ms", intervalMs);
        values.put("jitter_ms", 0L);
        return (SenseServerConfig) java.lang.reflect.Proxy.newProxyInstance(SensePollingLoad.class.getClassLoader(),
                new Class<?>[] {SenseServerConfig.class}, (proxy, method, a) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    /**
     * Every 250 ms: the CPU time of the process, of the polling threads, of the simulator's threads, the
     * JIT's compilation time and the GC time, to tell where the cold tick's CPU went.
     */
    static final class CpuSampler extends Thread {
        private final com.sun.management.OperatingSystemMXBean os;
        private final ThreadMXBean threads;
        private final Map<Long, String> names = new HashMap<>();
        private final ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();

        CpuSampler(com.sun.management.OperatingSystemMXBean os, ThreadMXBean threads) {
            super("load-cpu-sampler");
            setDaemon(true);
            this.os = os;
            this.threads = threads;
        }

        @Override
        public void run() {
            var jit = ManagementFactory.getCompilationMXBean();
            while (true) {
                long polling = 0;
                long simulator = 0;
                for (long id : threads.getAllThreadIds()) {
                    String name = names.computeIfAbsent(id, i -> threadName(threads, i));
                    long cpu = threads.getThreadCpuTime(id);
                    if (cpu < 0) {
                        continue;
                    }
                    if (name.startsWith("butlersos-sense") || name.startsWith("HttpClient")) {
                        polling += cpu;
                    } else if (name.startsWith("sense-simulator") || name.startsWith("HTTP-Dispatcher")) {
                        simulator += cpu;
                    }
                }
                long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
                samples.add(new long[] {System.nanoTime(), os.getProcessCpuTime(), polling, simulator,
                        jit.getTotalCompilationTime() * 1_000_000L, gc * 1_000_000L});
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Per measure (process, polling, simulator, JIT, GC): its share of one core between the two times. */
        double[] percentOfOneCore(long from, long to) {
            long[] first = null;
            long[] last = null;
            for (long[] s : samples) {
                if (first == null && s[0] >= from) {
                    first = s;
                }
                if (s[0] <= to) {
                    last = s;
                }
            }
            double[] shares = new double[5];
            for (int i = 0; i < shares.length; i++) {
                shares[i] = first == null || last == null || last[0] <= first[0] ? Double.NaN
                        : 100.0 * (last[i + 1] - first[i + 1]) / (last[0] - first[0]);
            }
            return shares;
        }
    }

    /**
     * Prints the figures of one kind: per tick, how many servers answered, the latency from the scheduled
     * poll to the published signal, and the span from the tick's first scheduled poll to its last answer
     * (the start pacing spreads it); returns when the cold tick's last answer came (0 if none).
     */
    private static long report(String kind, Map<String, ConcurrentLinkedQueue<Long>> arrivals, long[] startNanos,
            long intervalMs, int ticks, int servers) {
        long interval = intervalMs * 1_000_000L;
        List<Long> latencies = new ArrayList<>();
        List<Long> warmLatencies = new ArrayList<>();
        long[] tickEnd = new long[ticks];
        long[] tickStart = new long[ticks];
        int[] tickCount = new int[ticks];
        List<List<Long>> perTickLatency = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            perTickLatency.add(new ArrayList<>());
        }
        Arrays.fill(tickStart, Long.MAX_VALUE);
        for (int i = 0; i < servers; i++) {
            for (long arrival : arrivals.getOrDefault("sim" + i, new ConcurrentLinkedQueue<>())) {
                int tick = (int) ((arrival - startNanos[i]) / interval);
                if (tick >= ticks) {
                    continue;
                }
                long scheduled = startNanos[i] + tick * interval;
                latencies.add(arrival - scheduled);
                if (tick > 0) {
                    warmLatencies.add(arrival - scheduled);
                }
                perTickLatency.get(tick).add(arrival - scheduled);
                tickCount[tick]++;
                tickEnd[tick] = Math.max(tickEnd[tick], arrival);
                tickStart[tick] = Math.min(tickStart[tick], scheduled);
            }
        }
        latencies.sort(null);
        warmLatencies.sort(null);
        List<Double> completions = new ArrayList<>();
        StringBuilder perTick = new StringBuilder();
        for (int t = 0; t < ticks; t++) {
            double ms = tickCount[t] == 0 ? Double.NaN : (tickEnd[t] - tickStart[t]) / 1e6;
            completions.add(ms);
            perTick.append(String.format(" t%d=%.0fms(%d/%d)", t, ms, tickCount[t], servers));
        }
        List<Double> warm = new ArrayList<>(completions.subList(1, completions.size()));
        warm.sort(null);
        System.out.printf("%s: polls=%d latency p50=%.1f ms p99=%.1f ms max=%.1f ms%n", kind, latencies.size(),
                pct(latencies, 50), pct(latencies, 99), latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1) / 1e6);
        System.out.printf("%s warm polls (ticks 1..): p50=%.1f ms p99=%.1f ms%n", kind, pct(warmLatencies, 50),
                pct(warmLatencies, 99));
        for (int t = 0; t < ticks; t++) {
            List<Long> l = perTickLatency.get(t);
            l.sort(null);
            System.out.printf("%s tick %d: answered %d/%d, poll latency p50=%.1f ms p99=%.1f ms max=%.1f ms%n", kind, t,
                    l.size(), servers, pct(l, 50), pct(l, 99), pct(l, 100));
        }
        System.out.printf("%s tick completion (last answer of the tick):%s%n", kind, perTick);
        System.out.printf("%s warm ticks (first scheduled poll to last answer) p50=%.0f ms max=%.0f ms; first (cold, all TLS handshakes) %.0f ms%n",
                kind, warm.isEmpty() ? Double.NaN : warm.get(warm.size() / 2),
                warm.isEmpty() ? Double.NaN : warm.get(warm.size() - 1), completions.get(0));
        return tickCount[0] == 0 ? 0 : tickEnd[0];
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Arrival times of samples per server, and errors. */
    static final class Recorder implements SignalPublisher {
        final Map<String, ConcurrentLinkedQueue<Long>> health = new ConcurrentHashMap<>();
        final Map<String, ConcurrentLinkedQueue<Long>> sessions = new ConcurrentHashMap<>();
        final AtomicLong errors = new AtomicLong();
        final ConcurrentLinkedQueue<String> errorTexts = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(Signal signal) {
            long now = System.nanoTime();
            if (signal instanceof HealthSample h) {
                health.computeIfAbsent(h.origin(), k -> new ConcurrentLinkedQueue<>()).add(now);
            } else if (signal instanceof ProxySessions p) {
                sessions.computeIfAbsent(p.origin(), k -> new ConcurrentLinkedQueue<>()).add(now);
            } else if (signal instanceof ErrorSignal e) {
                errors.incrementAndGet();
                if (errorTexts.size() < 5) {
                    errorTexts.add(e.message());
                }
            }
        }
    }
}
