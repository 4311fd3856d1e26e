package io.butlersos.events.internal.receive;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per sender: each source may send {@code perMinute} datagrams a minute on average and
 * {@code burst} at once. Unlike a fixed window it never lets twice the limit through at a window edge,
 * and one noisy node cannot use up the allowance of the others. Used by the reader thread only, so it
 * is not thread-safe.
 */
final class SourceRateLimiter {

    /** Buckets idle this long are full again and are forgotten, so the map stays small. */
    private static final long FORGET_NANOS = 120_000_000_000L;

    private final double tokensPerNano;
    private final double burst;
    private final Map<InetAddress, Bucket> buckets = new HashMap<>();
    private long lastSweep;

    SourceRateLimiter(long perMinute, long burst) {
        this.tokensPerNano = perMinute / 60e9;
        this.burst = Math.max(1, burst);
    }

    /** Takes one token for the sender; false when its bucket is empty. */
    boolean tryAcquire(InetAddress sender, long nowNanos) {
        Bucket bucket = buckets.get(sender);
        if (bucket == null) {
            sweep(nowNanos);
            bucket = new Bucket(burst, nowNanos);
            buckets.put(sender, bucket);
        }
        double tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.updated) * tokensPerNano);
        bucket.updated = nowNanos;
        if (tokens < 1) {
            bucket.tokens = tokens;
            return false;
        }
        bucket.tokens = tokens - 1;
        return true;
    }

    int sources() {
        return buckets.size();
    }

    private void sweep(long nowNanos) {
        if (nowNanos - lastSweep < FORGET_NANOS) {
            return;
        }
        lastSweep = nowNanos;
        buckets.values().removeIf(b -> nowNanos - b.updated > FORGET_NANOS);
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
