package io.butlersos.hostinfo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.butlersos.api.hostinfo.HostFacts;
import io.butlersos.api.hostinfo.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link HostInfo} service: serves a snapshot for up to {@link #MAX_AGE}, so a status page that
 * asks often does not query the host each time. When the native reader fails, it serves what the JVM
 * knows and says why, once.
 */
final class CachedHostInfo implements HostInfo {

    /** Memory and interfaces change; a minute is fresh enough for people and telemetry. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(CachedHostInfo.class);

    private final Supplier<HostFacts> reader;
    private final Clock clock;
    private final Map<String, String> tags;
    private HostFacts cached;
    private boolean failureReported;
    private volatile Throwable lastFailure;

    CachedHostInfo(Supplier<HostFacts> reader, Clock clock, Map<String, String> tags) {
        this.reader = reader;
        this.clock = clock;
        this.tags = Map.copyOf(tags);
    }

    @Override
    public synchronized HostFacts facts() {
        Instant now = clock.instant();
        if (cached != null && Duration.between(cached.time(), now).compareTo(MAX_AGE) < 0) {
            return cached;
        }
        cached = readOrFallBack(now);
        return cached;
    }

    /** Reads fresh facts now, ignoring the cache (for the periodic signal). */
    synchronized HostFacts refresh() {
        cached = readOrFallBack(clock.instant());
        return cached;
    }

    /** The last failure of the native reader, or null when the last read worked. */
    Throwable lastFailure() {
        return lastFailure;
    }

    private HostFacts readOrFallBack(Instant now) {
        try {
            HostFacts facts = reader.get();
            lastFailure = null;
            failureReported = false;
            return facts;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: JNA's native library may be missing or blocked on this host.
            lastFailure = e;
            if (!failureReported) {
                failureReported = true;
                LOG.warn("Host info: OSHI could not read the host ({}); serving only what the JVM knows until it can",
                        e.toString());
            }
            return JvmFacts.read(now, tags);
        }
    }
}
