package io.butlersos.events.internal.receive;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP port. A single reader thread takes datagrams off the socket as fast as it can, checks
 * sender, size and rate, and offers them to a bounded hand-off without ever waiting; parser workers
 * take them from there. When the hand-off is full the datagram is dropped and counted, so a slow
 * parser shows up as {@code queue_full} drops instead of invisible kernel drops.
 */
public final class UdpReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);
    /** Big enough for any UDP payload (65,507 bytes over IPv4, 65,527 over IPv6). */
    private static final int READ_BUFFER = 65_536;
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Datagrams a worker takes from the hand-off at once. */
    private static final int BATCH = 64;

    private final ReceiverSettings settings;
    private final DatagramHandler handler;
    private final ReceiverStats stats;
    private final ArrayBlockingQueue<Datagram> handOff;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger busy = new AtomicInteger();
    private final ScheduledExecutorService timer;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<InetAddress, Long> deniedWarnedAt = new HashMap<>();

    private volatile SourceAllowList allowList = SourceAllowList.OFF;
    private volatile SourceRateLimiter rateLimiter;
    private volatile int maxDatagramBytes;
    private volatile long queueMemoryBytes;
    private volatile int backpressurePct;
    private volatile boolean running;
    private volatile boolean backpressure;
    private DatagramChannel channel;
    private AllowListResolver resolver;
    private ScheduledFuture<?> refresh;
    private int grantedBuffer;
    private Map<String, Long> dropsLastWarned = Map.of();
    private long lastDropSummary = System.nanoTime();

    public UdpReceiver(ReceiverSettings settings, DatagramHandler handler, ReceiverStats stats) {
        this.settings = settings;
        this.handler = handler;
        this.stats = stats;
        this.handOff = new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "butlersos-events-" + settings.name() + "-timer"));
    }

    /**
     * Binds the socket and starts the threads.
     *
     * @throws IOException when the address cannot be bound (in use, not local)
     * @throws IllegalArgumentException when an allow-list entry is malformed
     */
    public void start() throws IOException {
        applyLive(settings);
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        if (address.isUnresolved()) {
            throw new IOException("bind address '" + settings.bindAddress() + "' does not resolve");
        }
        channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.receiveBufferBytes());
            channel.bind(address);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen on UDP " + address + ": " + e.getMessage(), e);
        }
        grantedBuffer = channel.getOption(StandardSocketOptions.SO_RCVBUF);
        running = true;
        for (int i = 0; i < Math.max(1, settings.workers()); i++) {
            Thread worker = daemon(this::work, "butlersos-events-" + settings.name() + "-parser-" + i);
            threads.add(worker);
            worker.start();
        }
        Thread reader = daemon(this::read, "butlersos-events-" + settings.name() + "-reader");
        threads.add(reader);
        reader.start();
        timer.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        String bufferNote = grantedBuffer < settings.receiveBufferBytes()
                ? " (asked for " + settings.receiveBufferBytes() + "; raise net.core.rmem_max to get more)" : "";
        LOG.info("{} events: listening on UDP {}, receive buffer {} bytes{}, {} parser threads, hand-off {} datagrams",
                settings.name(), channel.getLocalAddress(), grantedBuffer, bufferNote, settings.workers(),
                settings.queueCapacity());
    }

    /** Applies the settings that need no new socket: allow-list, rate limit, size and memory limits. */
    public synchronized void applyLive(ReceiverSettings next) {
        maxDatagramBytes = next.maxDatagramBytes();
        queueMemoryBytes = next.queueMemoryBytes();
        backpressurePct = next.backpressurePct();
        rateLimiter = next.rateLimitEnabled() ? new SourceRateLimiter(next.ratePerMinute(), next.rateBurst()) : null;
        resolver = new AllowListResolver(next.name(), next.allowListEnabled(), next.allowedSources(),
                AllowListResolver::systemDns);
        allowList = resolver.resolve();
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
        if (next.allowListEnabled() && resolver.hasNames() && next.allowListRefreshSeconds() > 0) {
            AllowListResolver current = resolver;
            refresh = timer.scheduleWithFixedDelay(() -> allowList = current.resolve(),
                    next.allowListRefreshSeconds(), next.allowListRefreshSeconds(), TimeUnit.SECONDS);
        }
        if (next.allowListEnabled()) {
            LOG.info("{} events: source allow-list on: {} addresses, ranges {}", next.name(),
                    allowList.addresses().size(), allowList.ranges());
        }
    }

    /** The address the socket is bound to (with the real port when 0 was asked for). */
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** The receive buffer the OS granted. */
    public int grantedReceiveBuffer() {
        return grantedBuffer;
    }

    public ReceiverSettings settings() {
        return settings;
    }

    public ReceiverStats stats() {
        return stats;
    }

    /** Datagrams waiting for a parser now. */
    public int backlog() {
        return handOff.size();
    }

    /** The metrics since the last call; called from one thread. */
    public io.butlersos.api.events.ReceiverMetrics interval(java.time.Instant now, String origin,
            Map<String, String> tags, String measurement, String queueType) {
        return stats.interval(now, origin, tags, measurement, queueType, new ReceiverStats.Gauges(handOff.size(),
                settings.queueCapacity(), busy.get(), backpressure, rateLimiter != null));
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
        while (running) {
            SocketAddress from;
            buffer.clear();
            try {
                from = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException e) {
                if (running) {
                    LOG.warn("{} events: receive failed: {}", settings.name(), e.getMessage());
                }
                continue;
            }
            if (from == null) {
                continue;
            }
            long now = System.currentTimeMillis();
            stats.received.increment();
            int length = buffer.position();
            InetAddress sender = ((InetSocketAddress) from).getAddress();
            if (!allowList.allows(sender)) {
                stats.drop(DropReasons.SOURCE_DENIED);
                warnDenied(sender);
                continue;
            }
            if (length > maxDatagramBytes) {
                stats.drop(DropReasons.SIZE);
                continue;
            }
            SourceRateLimiter limiter = rateLimiter;
            if (limiter != null && !limiter.tryAcquire(sender, System.nanoTime())) {
                stats.drop(DropReasons.RATE_LIMIT);
                continue;
            }
            if (queuedBytes.get() + length > queueMemoryBytes) {
                stats.drop(DropReasons.QUEUE_FULL);
                continue;
            }
            byte[] data = new byte[length];
            buffer.flip();
            buffer.get(data);
            if (handOff.offer(new Datagram(data, sender, now))) {
                queuedBytes.addAndGet(length);
                stats.queued.increment();
            } else {
                stats.drop(DropReasons.QUEUE_FULL);
            }
        }
    }

    private void work() {
        // Take what is waiting in one go (one lock round-trip for up to BATCH datagrams), which
        // keeps the reader and the workers from contending for the hand-off at high rates.
        List<Datagram> batch = new ArrayList<>(BATCH);
        while (true) {
            Datagram first;
            try {
                first = handOff.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Stop was asked for and the grace period is over: leave what is left.
                return;
            }
            if (first == null) {
                if (!running) {
                    return;
                }
                continue;
            }
            batch.add(first);
            handOff.drainTo(batch, BATCH - 1);
            for (Datagram datagram : batch) {
                handle(datagram);
            }
            batch.clear();
        }
    }

    private void handle(Datagram datagram) {
        queuedBytes.addAndGet(-datagram.data().length);
        busy.incrementAndGet();
        long start = System.nanoTime();
        String dropReason;
        try {
            dropReason = handler.handle(datagram);
        } catch (RuntimeException e) {
            LOG.error("{} events: handling a datagram from {} failed", settings.name(), datagram.sender(), e);
            dropReason = DropReasons.HANDLER_ERROR;
        } finally {
            busy.decrementAndGet();
        }
        stats.latency.record(System.nanoTime() - start);
        if (dropReason == null) {
            stats.processed.increment();
        } else {
            stats.drop(dropReason);
        }
    }

    private void warnDenied(InetAddress sender) {
        long now = System.nanoTime();
        Long last = deniedWarnedAt.get(sender);
        if (last == null || now - last > WARN_EVERY_NANOS) {
            if (deniedWarnedAt.size() > 10_000) {
                deniedWarnedAt.clear();
            }
            deniedWarnedAt.put(sender, now);
            LOG.warn("{} events: datagram from {} denied: not on the source allow-list (next warning for this "
                    + "sender in 60 s at the earliest)", settings.name(), sender.getHostAddress());
        }
    }

    /** Once a second: back-pressure state; once a minute at most: a summary of drops. */
    private void watch() {
        int fill = handOff.size() * 100 / Math.max(1, settings.queueCapacity());
        if (!backpressure && fill >= backpressurePct) {
            backpressure = true;
            LOG.warn("{} events: parser hand-off is {}% full; datagrams will be dropped if it fills", settings.name(),
                    fill);
        } else if (backpressure && fill < backpressurePct * 0.8) {
            backpressure = false;
            LOG.info("{} events: parser hand-off back to {}% full", settings.name(), fill);
        }
        long now = System.nanoTime();
        if (now - lastDropSummary >= WARN_EVERY_NANOS) {
            lastDropSummary = now;
            Map<String, Long> totals = stats.droppedTotals();
            Map<String, Long> last = dropsLastWarned;
            totals.forEach((reason, total) -> {
                long delta = total - last.getOrDefault(reason, 0L);
                if (delta > 0) {
                    LOG.warn("{} events: dropped {} datagrams in the last minute: {}", settings.name(), delta, reason);
                }
            });
            dropsLastWarned = totals;
        }
    }

    /** Stops reading, lets the parsers finish what is queued (up to 5 s), then stops them. */
    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the {} events socket", settings.name(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            thread.interrupt();
        }
        int left = handOff.size();
        if (left > 0) {
            LOG.warn("{} events: stopped with {} datagrams not parsed", settings.name(), left);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
