package io.butlersos.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the running, packaged agent: copies the built operator distribution into a temporary folder,
 * configures the log-event receiver, the web status API and a counting sink (a bundle hot-deployed
 * into {@code deploy/}, as a third party would add an output), starts {@code bin/butler-sos} (the
 * production runtime) as a child process, and then, per run, sends Sense log datagrams at a fixed
 * rate or in a burst at full speed, waits until every count stands still, and reports sent, the send
 * rate reached, received, delivered to the sink, the receiver's drops by reason, the kernel's drops
 * at the receiver's socket and system-wide ({@code RcvbufErrors}), and the agent's CPU per event.
 * Stops the agent with SIGTERM at the end and deletes the copy.
 *
 * <p>The datagrams come from {@link io.butlersos.events.internal.UdpLoadGenerator} in sender threads
 * of THIS process (not the agent's), so the agent's CPU figures are its own.
 *
 * <pre>
 * mvn -B -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar io.butlersos.benchmarks.AgentUdpLoad \
 *     [--rate 100000] [--seconds 20] [--bursts 3] [--burst-size 100000] [--warmup-rate 50000] [--warmup-seconds 5]
 *     [--senders 1] [--buffer 33554432] [--workers 2] [--queue 200000] [--java-opts "-Xmx1g"]
 *     [--core linger.ms=200,batch.size=5000] [--max-load 1.5] [--steady-after 35] [--threads] [--dist path] [--sink-jar path] [--project .] [--keep]
 * </pre>
 * Several rates: {@code --rate 50000,100000}. {@code --threads} adds, per run, the agent's CPU by thread (from
 * {@code jcmd Thread.print}); {@code --max-load} waits before each run until the load average is below it;
 * the measured runs start no earlier than {@code --steady-after} seconds after the agent, past the core's start-up
 * replay window.
 */
public final class AgentUdpLoad {

    private static final String RECEIVER = "log_events";

    private final AgentProcess agent;
    private final LoadSender sender;
    private final double maxLoad;
    private final boolean threads;

    private AgentUdpLoad(AgentProcess agent, LoadSender sender, double maxLoad, boolean threads) {
        this.agent = agent;
        this.sender = sender;
        this.maxLoad = maxLoad;
        this.threads = threads;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        Path distribution = options.containsKey("dist") ? Path.of(options.get("dist"))
                : AgentInstall.findDistribution(project);
        Path sinkJar = options.containsKey("sink-jar") ? Path.of(options.get("sink-jar"))
                : AgentInstall.findCountingSink(project);
        List<Double> rates = new ArrayList<>();
        for (String rate : options.getOrDefault("rate", "100000").split(",")) {
            rates.add(Double.parseDouble(rate.strip()));
        }
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int bursts = Integer.parseInt(options.getOrDefault("bursts", "3"));
        long burstSize = Long.parseLong(options.getOrDefault("burst-size", "100000"));
        double warmupRate = Double.parseDouble(options.getOrDefault("warmup-rate", "50000"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "5"));
        int senders = Integer.parseInt(options.getOrDefault("senders", "1"));
        AgentInstall.Settings settings = new AgentInstall.Settings(
                Integer.parseInt(options.getOrDefault("buffer", Integer.toString(32 << 20))),
                Integer.parseInt(options.getOrDefault("workers", "2")),
                Integer.parseInt(options.getOrDefault("queue", "200000")),
                options.getOrDefault("sink-types", "event.log,event.qix-perf"),
                keyValues(options.getOrDefault("core", "")));
        double maxLoad = Double.parseDouble(options.getOrDefault("max-load", "0"));

        System.out.printf("distribution: %s%ncounting sink: %s%n", distribution, sinkJar);
        AgentInstall install = AgentInstall.create(distribution, sinkJar, settings);
        System.out.printf("agent copy: %s (log events on UDP 127.0.0.1:%d, status on http://127.0.0.1:%d/api/status)%n",
                install.home, install.logPort, install.webPort);
        List<RunResult> results = new ArrayList<>();
        boolean keep = options.containsKey("keep");
        try (AgentProcess agent = AgentProcess.start(install, options.getOrDefault("java-opts", ""))) {
            Instant started = Instant.now();
            agent.awaitReady(Duration.ofSeconds(120));
            System.out.printf("agent ready after %.1f s (JVM pid %d); %s%n",
                    Duration.between(started, Instant.now()).toMillis() / 1000.0, agent.jvm().pid(),
                    receiverLine(install.home));
            AgentUdpLoad load = new AgentUdpLoad(agent,
                    new LoadSender(new InetSocketAddress("127.0.0.1", install.logPort), senders), maxLoad,
                    options.containsKey("threads"));
            if (warmupSeconds > 0 && warmupRate > 0) {
                RunResult warmup = load.run(String.format("warm-up: %,.0f/s for %d s", warmupRate, warmupSeconds),
                        (long) (warmupRate * warmupSeconds), warmupRate);
                System.out.println(RunResult.HEADER);
                System.out.println(warmup.row());
            } else {
                System.out.println(RunResult.HEADER);
            }
            // The core keeps what is published during its start-up window (startup.replay.s, 30 s by default) for
            // sinks bound late; an agent in service is past it, so the measured runs are too.
            long steadyAfter = Long.parseLong(options.getOrDefault("steady-after", "35"));
            long wait = Duration.between(Instant.now(), started.plusSeconds(steadyAfter)).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            for (double rate : rates) {
                RunResult r = load.run(String.format("%,.0f/s for %d s", rate, seconds), (long) (rate * seconds), rate);
                results.add(r);
                System.out.println(r.row());
            }
            for (int i = 1; i <= bursts; i++) {
                Thread.sleep(1000);
                RunResult r = load.run(String.format("burst %d: %,d at full speed", i, burstSize), burstSize, 0);
                results.add(r);
                System.out.println(r.row());
            }
            AgentStatus last = agent.requireStatus();
            int exit = agent.stop(Duration.ofSeconds(30));
            System.out.printf("agent stopped (SIGTERM), launcher exit code %d; core delivered %,d signals to '%s' in all%n",
                    exit, last.sink(AgentInstall.SINK_NAME).delivered(), AgentInstall.SINK_NAME);
            printLogFindings(install.home);
        } catch (RuntimeException | IOException e) {
            keep = true;
            throw e;
        } finally {
            if (keep) {
                System.out.println("kept: " + install.home.getParent());
            } else {
                install.delete();
            }
        }
        long lossy = results.stream().filter(r -> !r.lossless()).count();
        System.out.printf("%d of %d measured runs without loss%n", results.size() - lossy, results.size());
    }

    /** One run: send, wait until the counts stand still, report the differences. */
    RunResult run(String name, long count, double rate) throws Exception {
        awaitQuietMachine();
        AgentStatus before = agent.requireStatus();
        String loadBefore = KernelUdp.loadAverage();
        long kernelBefore = KernelUdp.rcvbufErrors();
        long socketBefore = agent.socketDrops().orElse(0);
        Map<String, Double> threadsBefore = threads ? ThreadCpu.sample(agent.jvm().pid()) : Map.of();
        long cpuBefore = agent.cpuNanos();
        SendResult send = sender.send(count, rate);
        long sentAt = System.nanoTime();
        Settled settled = settle(Instant.now(), Duration.ofSeconds(120));
        long cpu = agent.cpuNanos() - cpuBefore;
        if (threads) {
            System.out.printf("  %s: agent CPU by thread: %s%n", name,
                    ThreadCpu.top(threadsBefore, ThreadCpu.sample(agent.jvm().pid()), 8));
        }
        long socketDrops = agent.socketDrops().orElse(0) - socketBefore;
        long kernel = KernelUdp.rcvbufErrors() - kernelBefore;
        return RunResult.of(name, send, before, settled.status, socketDrops, kernel, cpu,
                (settled.at - sentAt) / 1_000_000, settled.ok, loadBefore + " → " + KernelUdp.loadAverage());
    }

    private record Settled(AgentStatus status, long at, boolean ok) {
    }

    /**
     * Waits until the receiver has made two reports after the last datagram was sent with the same total
     * (an interval in which nothing arrived) and an empty hand-off, and the sink's queue is empty and its
     * delivered count has stood still for a second. Reports reach the status page through the core, up
     * to a linger time late, so reports made before the end of sending do not count.
     */
    private Settled settle(Instant sendEnd, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastReport = null;
        long receivedAtLastReport = -1;
        boolean receiverQuiet = false;
        long delivered = -1;
        long deliveredSince = System.nanoTime();
        AgentStatus status = agent.requireStatus();
        while (System.nanoTime() < deadline) {
            status = agent.requireStatus();
            AgentStatus.ReceiverCounts r = status.receiver(RECEIVER);
            AgentStatus.SinkCounts s = status.sink(AgentInstall.SINK_NAME);
            if (!r.lastReport().equals(lastReport) && madeAfter(r.lastReport(), sendEnd)) {
                receiverQuiet = lastReport != null && r.receivedSinceStart() == receivedAtLastReport && r.queueSize() == 0;
                lastReport = r.lastReport();
                receivedAtLastReport = r.receivedSinceStart();
            }
            if (s.delivered() != delivered || s.queueSize() > 0) {
                delivered = s.delivered();
                deliveredSince = System.nanoTime();
            }
            boolean sinkQuiet = System.nanoTime() - deliveredSince >= 1_000_000_000L;
            if (receiverQuiet && sinkQuiet) {
                // Settled when the last signal reached the sink, not when that was noticed.
                return new Settled(status, deliveredSince, true);
            }
            Thread.sleep(200);
        }
        return new Settled(status, System.nanoTime(), false);
    }

    private static boolean madeAfter(String reportTime, Instant instant) {
        try {
            return Instant.parse(reportTime).isAfter(instant);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("the status page gives the receiver's lastReport as '" + reportTime
                    + "', not as an ISO-8601 instant", e);
        }
    }

    /** With --max-load, waits (up to 10 minutes) until the one-minute load average is below it. */
    private void awaitQuietMachine() throws InterruptedException {
        if (maxLoad <= 0) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (KernelUdp.loadAverage1() >= maxLoad && System.nanoTime() < deadline) {
            System.out.printf("load average %s, waiting for < %.2f%n", KernelUdp.loadAverage(), maxLoad);
            Thread.sleep(10_000);
        }
    }

    /** The receiver's start line from the agent's log: port, receive buffer granted, threads. */
    private static String receiverLine(Path home) {
        try {
            return Files.readAllLines(home.resolve("logs/butler-sos.log")).stream()
                    .filter(l -> l.contains("events: listening on UDP")).reduce((a, b) -> b)
                    .map(l -> l.substring(l.indexOf("log events:") >= 0 ? l.indexOf("log events:") : 0))
                    .orElse("(no receiver start line in logs/butler-sos.log)");
        } catch (IOException e) {
            return "(cannot read logs/butler-sos.log: " + e.getMessage() + ")";
        }
    }

    /** The counting sink's own total (logged when it stopped) and the warnings and errors of the run. */
    private static void printLogFindings(Path home) throws IOException {
        Path log = home.resolve("logs/butler-sos.log");
        if (!Files.exists(log)) {
            System.out.println("no logs/butler-sos.log");
            return;
        }
        List<String> lines = Files.readAllLines(log);
        String counted = "Counting sink '" + AgentInstall.SINK_NAME + "' counted";
        lines.stream().filter(l -> l.contains(counted))
                .forEach(l -> System.out.println("sink's own count: " + l.substring(l.indexOf("Counting sink"))));
        if (lines.stream().noneMatch(l -> l.contains(counted))) {
            System.out.println("the counting sink logged no final count: its deactivation did not run before the JVM ended");
        }
        List<String> problems = lines.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
        System.out.printf("%d warnings and errors in the agent's log%s%n", problems.size(), problems.isEmpty() ? "" : ":");
        problems.stream().limit(15).forEach(l -> System.out.println("  " + l));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option such as --rate, not '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(key, flag ? "true" : args[++i]);
        }
        return options;
    }

    /** {@code a=1,b=2} as a map, for --core. */
    static Map<String, String> keyValues(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, not '" + pair + "'");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }
}
