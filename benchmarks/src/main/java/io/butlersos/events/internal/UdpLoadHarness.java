package io.butlersos.events.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.events.LogSource;
import io.butlersos.events.internal.count.CountersConfig;
import io.butlersos.events.internal.count.EventCounters;
import io.butlersos.events.internal.parse.LogDatagramParser;
import io.butlersos.events.internal.parse.ParseContext;
import io.butlersos.events.internal.qix.QixPerfConfig;
import io.butlersos.events.internal.qix.QixPerfMonitor;
import io.butlersos.events.internal.receive.ReceiverSettings;
import io.butlersos.events.internal.receive.ReceiverStats;
import io.butlersos.events.internal.receive.UdpReceiver;
import io.butlersos.events.internal.rules.Categoriser;
import io.butlersos.events.internal.rules.CategoriserConfig;

/**
 * Drives the real log-event receiver (socket reader, hand-off, parser workers, counters, filters) with
 * a counting publisher in place of the delivery core, at fixed rates and in bursts, and reports what
 * arrived: published/sent, the receiver's own drops by reason, and the kernel's UDP receive-buffer
 * drops ({@code RcvbufErrors} in {@code /proc/net/snmp}) over the same run.
 *
 * <pre>java [-Dworkers=2] [-Dbuffer=8388608] -cp benchmarks/target/benchmarks.jar io.butlersos.events.internal.UdpLoadHarness [seconds] [rates...]</pre>
 */
public final class UdpLoadHarness {

    private final LongAdder published = new LongAdder();
    private final SignalPublisher counting = signal -> published.increment();
    private final UdpReceiver receiver;
    private final EventCounters counters;
    private final InetSocketAddress target;

    UdpLoadHarness(int workers, int receiveBuffer) throws IOException {
        Categoriser categoriser = new Categoriser();
        categoriser.activate(Configs.of(CategoriserConfig.class, Map.of("enabled", true)));
        QixPerfMonitor qixPerf = new QixPerfMonitor();
        qixPerf.activate(Configs.of(QixPerfConfig.class, Map.of("enabled", true, "all_apps_enabled", true)));
        counters = new EventCounters(signal -> { }, Configs.of(CountersConfig.class, Map.of("interval_s", 3600L)));
        ReceiverStats stats = new ReceiverStats();
        LogEventHandler handler = new LogEventHandler(new LogEventHandler.Policy(
                new LogDatagramParser(new ParseContext(Map.of("qs_env", "bench"), ZoneId.of("Europe/Stockholm"),
                        id -> null)), Set.of(LogSource.values())),
                counting, categoriser, qixPerf, counters, stats);
        receiver = new UdpReceiver(new ReceiverSettings("bench", "127.0.0.1", 0, receiveBuffer, workers, 200_000,
                128L << 20, 65_507, 80, false, new String[0], 300, false, 600, 100), handler, stats);
        receiver.start();
        target = receiver.localAddress();
    }

    /** One run: send, wait for the receiver to settle, report. */
    String run(String name, long count, double rate) throws Exception {
        long kernelBefore = rcvbufErrors();
        long cpuBefore = receiverCpuNanos();
        long publishedBefore = published.sum();
        long receivedBefore = receiver.stats().receivedTotal();
        Map<String, Long> dropsBefore = receiver.stats().droppedTotals();
        long nanos;
        try (UdpLoadGenerator generator = new UdpLoadGenerator(target, 1024)) {
            nanos = generator.send(count, rate);
        }
        // Settled: nothing waiting and no new datagram for a while.
        long last = -1;
        while (receiver.backlog() > 0 || receiver.stats().receivedTotal() != last) {
            last = receiver.stats().receivedTotal();
            Thread.sleep(200);
        }
        Thread.sleep(200);
        long delivered = published.sum() - publishedBefore;
        long received = receiver.stats().receivedTotal() - receivedBefore;
        long kernel = rcvbufErrors() - kernelBefore;
        double cpuMicrosPerDatagram = (receiverCpuNanos() - cpuBefore) / 1e3 / Math.max(1, received);
        StringBuilder drops = new StringBuilder();
        receiver.stats().droppedTotals().forEach((reason, total) -> {
            long delta = total - dropsBefore.getOrDefault(reason, 0L);
            if (delta > 0) {
                drops.append(reason).append('=').append(delta).append(' ');
            }
        });
        return String.format("| %s | %,d | %,.0f | %,d | %,d | %.4f %% | %d | %s | %.2f |", name, count,
                count / (nanos / 1e9), received, delivered, 100.0 * delivered / count, kernel,
                drops.length() == 0 ? "none" : drops.toString().strip(), cpuMicrosPerDatagram);
    }

    /** CPU time used so far by the receiver's reader and parser threads (not the sender's). */
    static long receiverCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("butlersos-events-bench-")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    /** The kernel's count of UDP datagrams dropped because a socket's receive buffer was full. */
    static long rcvbufErrors() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                List<String> names = List.of(lines.get(i).split("\\s+"));
                String[] values = lines.get(i + 1).split("\\s+");
                return Long.parseLong(values[names.indexOf("RcvbufErrors")]);
            }
        }
        return -1;
    }

    void close() {
        receiver.close();
        counters.deactivate();
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int workers = Integer.parseInt(System.getProperty("workers", "2"));
        int buffer = Integer.parseInt(System.getProperty("buffer", Integer.toString(8 << 20)));
        UdpLoadHarness harness = new UdpLoadHarness(workers, buffer);
        System.out.printf("receive buffer granted: %,d bytes; parser workers: %d%n",
                harness.receiver.grantedReceiveBuffer(), workers);
        harness.run("warm-up", 300_000, 100_000);
        System.out.println("| run | sent | send rate /s | received | published | published/sent | kernel RcvbufErrors "
                + "| receiver drops | receiver CPU µs/datagram |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        double[] rates = args.length > 1 ? java.util.Arrays.stream(args).skip(1).mapToDouble(Double::parseDouble).toArray()
                : new double[] {50_000, 100_000, 150_000};
        for (double rate : rates) {
            System.out.println(harness.run(String.format("%,.0f/s for %d s", rate, seconds), (long) (rate * seconds), rate));
        }
        for (int i = 1; i <= 3; i++) {
            System.out.println(harness.run("burst " + i + ": 100,000 at full speed", 100_000, 0));
            Thread.sleep(1000);
        }
        harness.close();
    }
}
