package io.butlersos.events.internal;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.butlersos.events.internal.parse.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused datagrams with their reason and a sample of their first bytes, at most once a minute
 * per receiver and reason, saying how many more there were; a flood of garbage must not flood the log.
 */
final class RejectionLog {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);
    private static final long EVERY = TimeUnit.MINUTES.toNanos(1);

    private final String receiver;
    private final ConcurrentHashMap<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> suppressed = new ConcurrentHashMap<>();

    RejectionLog(String receiver) {
        this.receiver = receiver;
    }

    void report(InetAddress sender, ParseResult.Rejected rejected) {
        String reason = rejected.reason().label();
        AtomicLong last = lastLogged.computeIfAbsent(reason, r -> new AtomicLong(System.nanoTime() - EVERY));
        long now = System.nanoTime();
        long previous = last.get();
        if (now - previous >= EVERY && last.compareAndSet(previous, now)) {
            long more = suppressed.computeIfAbsent(reason, r -> new AtomicLong()).getAndSet(0);
            LOG.warn("{} events: refused a datagram from {} ({}: {}); {} more refused for this reason since the last "
                    + "warning. First bytes: {}", receiver, sender.getHostAddress(), reason, rejected.detail(), more,
                    rejected.sample());
        } else {
            suppressed.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        }
    }
}
