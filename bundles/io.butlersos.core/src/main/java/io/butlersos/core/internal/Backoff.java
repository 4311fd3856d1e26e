package io.butlersos.core.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential back-off with jitter: attempt n waits a random time between half and all of
 * {@code initial * 2^n}, capped; never less than what the target asked for with Retry-After.
 */
final class Backoff {

    private Backoff() {
    }

    static long delayMillis(int attempt, long initialMs, long maxMs, Optional<Duration> retryAfter) {
        long ceiling = initialMs << Math.min(attempt, 30);
        if (ceiling <= 0 || ceiling > maxMs) {
            ceiling = maxMs;
        }
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        long asked = retryAfter.map(Duration::toMillis).orElse(0L);
        return Math.max(delay, asked);
    }
}
