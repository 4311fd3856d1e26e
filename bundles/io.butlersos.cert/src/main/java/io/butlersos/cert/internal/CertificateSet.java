package io.butlersos.cert.internal;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.butlersos.api.tls.CertificateInfo;
import io.butlersos.api.tls.TlsContextProvider;
import io.butlersos.api.tls.TlsOptions;
import io.butlersos.api.tls.TlsUnavailableException;

/**
 * One certificate set and its current state. {@link #refresh()} reads the files again when their
 * stamp changed; {@link #checkExpiry()} warns when the client or CA certificate is about to expire.
 * Thread-safe: readers see either the old or the new state, never a mix.
 */
public final class CertificateSet implements TlsContextProvider {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateSet.class);

    /** The loaded contents, or the sentence saying why there are none. */
    private record State(FileStamp stamp, LoadedSet set, String problem) {
    }

    private final String name;
    private final LoadedSet.Files files;
    private final boolean trustSystemCas;
    private final Duration warnBefore;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Map<TlsOptions, SSLContext> contexts = new ConcurrentHashMap<>();
    private volatile State state;
    private volatile Instant lastExpiryWarning = Instant.MIN;

    public CertificateSet(String name, LoadedSet.Files files, boolean trustSystemCas, Duration warnBefore, Clock clock) {
        this.name = name;
        this.files = files;
        this.trustSystemCas = trustSystemCas;
        this.warnBefore = warnBefore;
        this.clock = clock;
        load(stamp());
    }

    private FileStamp stamp() {
        return FileStamp.of(files.clientCert(), files.clientKey(), files.ca());
    }

    /** Reads the files again if they changed since the last read; returns whether they did. */
    public synchronized boolean refresh() {
        FileStamp now = stamp();
        if (now.equals(state.stamp())) {
            return false;
        }
        load(now);
        return true;
    }

    private synchronized void load(FileStamp stamp) {
        boolean first = state == null;
        State next;
        try {
            LoadedSet set = LoadedSet.load(files, !trustSystemCas, clock.instant());
            next = new State(stamp, set, null);
            CertificateInfo client = set.client();
            LOG.info("Certificate set '{}' {}: client certificate {} (issuer {}) valid until {}, from {}; {} CA certificate(s){}",
                    name, first ? "loaded" : "reloaded", client.subject(), client.issuer(), client.notAfter(),
                    client.file(), set.authorities().size(), trustSystemCas ? " plus the system CAs" : "");
        } catch (TlsUnavailableException e) {
            next = new State(stamp, null, e.getMessage());
            LOG.error("Certificate set '{}' cannot be used: {}", name, e.getMessage());
        }
        contexts.clear();
        state = next;
        generation.incrementAndGet();
        if (next.set() != null) {
            try {
                sslContext(TlsOptions.STRICT); // built now, so the first poll does not pay for it
            } catch (TlsUnavailableException e) {
                LOG.debug("Certificate set '{}': the default context could not be built ahead: {}", name, e.getMessage());
            }
        }
        lastExpiryWarning = Instant.MIN;
        checkExpiry();
    }

    /**
     * Warns (at most once a day) when a certificate of the set expires within the warning period.
     *
     * @return whether it warned now
     */
    public boolean checkExpiry() {
        State current = state;
        Instant now = clock.instant();
        if (current.set() == null || (lastExpiryWarning != Instant.MIN
                && Duration.between(lastExpiryWarning, now).compareTo(Duration.ofDays(1)) < 0)) {
            return false;
        }
        boolean warned = warnIfExpiring(current.set().client(), "client certificate", now);
        for (CertificateInfo ca : current.set().authorityInfo()) {
            warned |= warnIfExpiring(ca, "CA certificate", now);
        }
        if (warned) {
            lastExpiryWarning = now;
        }
        return warned;
    }

    private boolean warnIfExpiring(CertificateInfo info, String role, Instant now) {
        Duration left = Duration.between(now, info.notAfter());
        if (left.compareTo(warnBefore) > 0) {
            return false;
        }
        if (left.isNegative()) {
            LOG.error("Certificate set '{}': the {} {} in {} expired on {}; export a new one from the QMC.",
                    name, role, info.subject(), info.file(), info.notAfter());
        } else {
            LOG.warn("Certificate set '{}': the {} {} in {} expires in {} days, on {}; export a new one from the QMC.",
                    name, role, info.subject(), info.file(), left.toDays(), info.notAfter());
        }
        return true;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SSLContext sslContext(TlsOptions options) throws TlsUnavailableException {
        State current = state;
        if (current.set() == null) {
            throw new TlsUnavailableException(current.problem());
        }
        if (clock.instant().isAfter(current.set().client().notAfter())) {
            throw new TlsUnavailableException("The client certificate in " + current.set().client().file() + " ("
                    + current.set().client().subject() + ") expired on " + current.set().client().notAfter()
                    + "; export a new one from the QMC.");
        }
        SSLContext cached = contexts.get(options);
        if (cached != null) {
            return cached;
        }
        try {
            SSLContext context = ContextFactory.create(current.set(), trustSystemCas, options);
            if (state == current) {
                contexts.put(options, context);
            }
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsUnavailableException("Certificate set '" + name + "' could not be turned into a TLS context: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public Optional<CertificateInfo> clientCertificate() {
        LoadedSet set = state.set();
        return set == null ? Optional.empty() : Optional.of(set.client());
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(state.problem());
    }
}
