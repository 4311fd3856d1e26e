package io.butlersos.events.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.butlersos.simulator.udp.SenseDatagrams;
import io.butlersos.simulator.udp.SenseMessageType;

/**
 * A UDP load generator for the log port: pre-rendered Sense datagrams (the five log types in turn)
 * sent from a connected channel in a tight loop, paced by the clock when a rate is given. Rendering
 * up front keeps the sender's cost to one system call per datagram, which is what lets one thread
 * send well over 200,000 datagrams a second on loopback.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.butlersos.events.internal.UdpLoadGenerator 127.0.0.1:9996 200000 5 2</pre>
 * (target, datagrams per second or 0 for as fast as possible, seconds, sender threads, distinct datagrams per
 * sender: 1024 by default)
 */
public final class UdpLoadGenerator implements AutoCloseable {

    private static final SenseMessageType[] LOG_TYPES = {SenseMessageType.QIX_PERF, SenseMessageType.ENGINE,
        SenseMessageType.PROXY, SenseMessageType.REPOSITORY, SenseMessageType.SCHEDULER};

    private final DatagramChannel channel;
    private final ByteBuffer[] datagrams;
    private long unreachable;

    public UdpLoadGenerator(InetSocketAddress target, int distinct) throws IOException {
        SenseDatagrams renderer = new SenseDatagrams(3, 20, 50, List.of("sense1", "sense2", "sense3"),
                ZoneOffset.ofHours(1));
        Instant base = Instant.now();
        datagrams = new ByteBuffer[distinct];
        for (int i = 0; i < distinct; i++) {
            // Beyond the first 1024 only the time moves on: each datagram is its own event, while the
            // ids that become InfluxDB tags (sessions, users, apps) repeat as on a real site.
            datagrams[i] = ByteBuffer.wrap(renderer.datagram(LOG_TYPES[i % LOG_TYPES.length], i % 1024,
                    base.plusMillis(i)));
        }
        channel = DatagramChannel.open();
        channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 4 << 20);
        channel.connect(target);
    }

    /**
     * Sends {@code count} datagrams at {@code perSecond} (0: as fast as possible).
     *
     * @return the nanoseconds it took
     */
    public long send(long count, double perSecond) throws IOException {
        long start = System.nanoTime();
        double nanosPer = perSecond > 0 ? 1e9 / perSecond : 0;
        for (long i = 0; i < count; i++) {
            if (nanosPer > 0 && (i & 15) == 0) {
                long wait = start + (long) (i * nanosPer) - System.nanoTime();
                if (wait > 50_000) {
                    LockSupport.parkNanos(wait);
                }
            }
            ByteBuffer buffer = datagrams[(int) (i % datagrams.length)];
            buffer.rewind();
            try {
                channel.write(buffer);
            } catch (java.net.PortUnreachableException e) {
                // Nobody listened for an earlier datagram (ICMP came back); that one is lost, go on.
                unreachable++;
            }
        }
        return System.nanoTime() - start;
    }

    /** Times the kernel reported that nobody listened on the target port. */
    public long unreachable() {
        return unreachable;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Arguments: target ({@code host:port}), datagrams per second over all senders (0: as fast as
     * possible), seconds, sender threads (default 1; each has its own socket, so two use both cores),
     * distinct datagrams per sender (default 1024, rendered before sending starts).
     */
    public static void main(String[] args) throws Exception {
        String[] target = (args.length > 0 ? args[0] : "127.0.0.1:9996").split(":");
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        // Distinct datagrams per sender; a run that counts stored points needs one per datagram sent,
        // as the same datagram sent again is the same event (same series and time) for InfluxDB.
        int distinct = args.length > 4 ? Integer.parseInt(args[4]) : 1024;
        InetSocketAddress address = new InetSocketAddress(target[0], Integer.parseInt(target[1]));
        long total = rate > 0 ? (long) (rate * seconds) : 1_000_000L * seconds;
        long perThread = total / threads;
        java.util.concurrent.atomic.AtomicLong unreachable = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong slowest = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong renderedCpu = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> senders = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread sender = new Thread(() -> {
                try (UdpLoadGenerator generator = new UdpLoadGenerator(address, distinct)) {
                    renderedCpu.accumulateAndGet(ProcessHandle.current().info().totalCpuDuration()
                            .map(java.time.Duration::toNanos).orElse(0L), Math::max);
                    slowest.accumulateAndGet(generator.send(perThread, rate / threads), Math::max);
                    unreachable.addAndGet(generator.unreachable());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "udp-sender-" + t);
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long sent = perThread * threads;
        double secondsTaken = slowest.get() / 1e9;
        double cpuSeconds = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
        System.out.printf("sent %,d datagrams in %.2f s with %d sender(s): %,.0f datagrams/s (%,d port-unreachable reports); "
                + "CPU of this process %.1f s, of which %.1f s sending (the rest: start and rendering)%n", sent,
                secondsTaken, threads, sent / secondsTaken, unreachable.get(), cpuSeconds,
                cpuSeconds - renderedCpu.get() / 1e9);
    }
}
