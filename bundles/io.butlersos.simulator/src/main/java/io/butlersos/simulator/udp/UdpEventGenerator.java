package io.butlersos.simulator.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends Sense datagrams to a log port (9996) and a user port (9997) at a chosen rate. Pacing is by
 * the clock, not by sleeping a fixed time per datagram, so the rate holds when the sender is briefly
 * held up. Not thread-safe; use one generator per sending thread.
 */
public final class UdpEventGenerator implements AutoCloseable {

    private final SenseDatagrams datagrams;
    private final InetSocketAddress logTarget;
    private final InetSocketAddress userTarget;
    private final DatagramChannel channel;
    private long sent;

    /**
     * @param datagrams what to send
     * @param logTarget where log and QIX performance events go
     * @param userTarget where user events go
     */
    public UdpEventGenerator(SenseDatagrams datagrams, InetSocketAddress logTarget, InetSocketAddress userTarget)
            throws IOException {
        this.datagrams = datagrams;
        this.logTarget = logTarget;
        this.userTarget = userTarget;
        this.channel = DatagramChannel.open();
    }

    /**
     * Sends {@code count} datagrams of one type, numbered {@code 0..count-1}, with event times
     * {@code firstTime + n * step}.
     *
     * @param perSecond the rate; 0 or less for as fast as possible
     */
    public void send(SenseMessageType type, long count, double perSecond, Instant firstTime, Duration step)
            throws IOException {
        InetSocketAddress target = type.userEvent() ? userTarget : logTarget;
        long start = System.nanoTime();
        double nanosPer = perSecond > 0 ? 1e9 / perSecond : 0;
        for (long n = 0; n < count; n++) {
            if (nanosPer > 0) {
                long due = start + (long) (n * nanosPer);
                long wait = due - System.nanoTime();
                if (wait > 20_000) {
                    LockSupport.parkNanos(wait);
                }
            }
            byte[] data = datagrams.datagram(type, n, firstTime.plus(step.multipliedBy(n)));
            channel.send(ByteBuffer.wrap(data), target);
            sent++;
        }
    }

    /** Sends {@code count} of every type, interleaved, at {@code perSecond} datagrams per second in total. */
    public void sendAllTypes(long count, double perSecond, Instant firstTime, Duration step) throws IOException {
        SenseMessageType[] types = SenseMessageType.values();
        long start = System.nanoTime();
        double nanosPer = perSecond > 0 ? 1e9 / perSecond : 0;
        long i = 0;
        for (long n = 0; n < count; n++) {
            for (SenseMessageType type : types) {
                if (nanosPer > 0) {
                    long wait = start + (long) (i * nanosPer) - System.nanoTime();
                    if (wait > 20_000) {
                        LockSupport.parkNanos(wait);
                    }
                }
                byte[] data = datagrams.datagram(type, n, firstTime.plus(step.multipliedBy(n)));
                channel.send(ByteBuffer.wrap(data), type.userEvent() ? userTarget : logTarget);
                sent++;
                i++;
            }
        }
    }

    /** Datagrams sent so far. */
    public long sent() {
        return sent;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
