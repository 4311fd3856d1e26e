package io.butlersos.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.butlersos.events.internal.UdpLoadGenerator;

/**
 * Sends one run's datagrams with {@link UdpLoadGenerator}: one sender thread per socket in this
 * process (not in the agent's), each with its datagrams rendered before the clock starts, all released
 * together.
 */
final class LoadSender {

    private final InetSocketAddress target;
    private final int senders;

    LoadSender(InetSocketAddress target, int senders) {
        this.target = target;
        this.senders = senders;
    }

    /** Sends {@code count} datagrams at {@code perSecond} over all senders (0: as fast as possible). */
    SendResult send(long count, double perSecond) throws IOException, InterruptedException {
        List<UdpLoadGenerator> generators = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                generators.add(new UdpLoadGenerator(target, 1024));
            }
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong slowest = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            long each = count / senders;
            for (int i = 0; i < senders; i++) {
                UdpLoadGenerator generator = generators.get(i);
                long share = i == senders - 1 ? count - each * (senders - 1) : each;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        slowest.accumulateAndGet(generator.send(share, perSecond / senders), Math::max);
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "load-sender-" + i);
                threads.add(t);
                t.start();
            }
            long cpuBefore = processCpuNanos();
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            if (failures.get() > 0) {
                throw new IOException(failures.get() + " sender(s) failed; see the stack traces above");
            }
            long unreachable = generators.stream().mapToLong(UdpLoadGenerator::unreachable).sum();
            return new SendResult(count, slowest.get(), unreachable, processCpuNanos() - cpuBefore);
        } finally {
            for (UdpLoadGenerator generator : generators) {
                generator.close();
            }
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
