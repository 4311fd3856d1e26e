package io.butlersos.sense.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.butlersos.api.tls.TlsContextProvider;
import io.butlersos.api.tls.TlsOptions;
import io.butlersos.api.tls.TlsUnavailableException;

/**
 * What all Sense pollers share: one timer, one small pool for answers, the HTTP clients per
 * certificate set, the certificate sets themselves, the gate that lets only so many new
 * connections be made at once, and the pacer that spaces the servers' first polls. The timer only
 * starts asynchronous requests, so two threads serve hundreds of servers.
 */
@Component(service = PollingRuntime.class, immediate = true, configurationPid = PollingConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PollingConfig.class)
public final class PollingRuntime implements ClientSource {

    private static final Logger LOG = LoggerFactory.getLogger(PollingRuntime.class);

    private final Map<String, TlsContextProvider> sets = new ConcurrentHashMap<>();
    private final Set<Consumer<String>> setListeners = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService answers;
    private final HttpClientCache clients;
    private final ConnectionGate gate;
    private final Clock clock = Clock.systemUTC();
    private final StartPacer pacer = new StartPacer(PollingConfig.DEFAULT_START_RATE, clock);
    private final String origin = hostName();

    public PollingRuntime() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(2, threads("butlersos-sense-timer"));
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
        this.answers = Executors.newFixedThreadPool(4, threads("butlersos-sense-http"));
        this.clients = new HttpClientCache(answers);
        this.gate = new ConnectionGate(PollingConfig.DEFAULT_CONNECT_CONCURRENCY, answers);
    }

    @Activate
    @Modified
    void configure(PollingConfig config) {
        int limit = config.connect_concurrency();
        if (limit != gate.limit()) {
            LOG.info("Sense polling: {} new connections at a time", limit <= 0 ? "no limit on" : limit);
        }
        gate.setLimit(limit);
        int rate = config.start_rate();
        if (rate != pacer.rate()) {
            LOG.info("Sense polling: {}", rate <= 0 ? "servers start all at once" : rate + " servers start per second");
        }
        pacer.setRate(rate);
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCertificateSet(TlsContextProvider provider) {
        sets.put(provider.name(), provider);
        // On the timer, not on the thread that registered the set: a poll may follow.
        String name = provider.name();
        setListeners.forEach(listener -> timer.execute(() -> listener.accept(name)));
    }

    /** Tells {@code listener} the name of each certificate set that becomes available from now on. */
    void onCertificateSet(Consumer<String> listener) {
        setListeners.add(listener);
    }

    void removeCertificateSetListener(Consumer<String> listener) {
        setListeners.remove(listener);
    }

    void removeCertificateSet(TlsContextProvider provider) {
        sets.remove(provider.name(), provider);
        clients.forget(provider);
    }

    @Override
    public HttpClient client(String certificateSet, TlsOptions options) throws TlsUnavailableException {
        TlsContextProvider provider = sets.get(certificateSet);
        if (provider == null) {
            List<String> known = List.copyOf(sets.keySet());
            throw new TlsUnavailableException("Certificate set '" + certificateSet + "' is not configured"
                    + (known.isEmpty() ? " (no io.butlersos.cert configuration is active)." : " (known: " + known + ")."));
        }
        return clients.client(provider, options);
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** Where requests that need a new connection wait their turn. */
    ConnectionGate connectionGate() {
        return gate;
    }

    /** Spaces the first polls of servers that start together. */
    StartPacer startPacer() {
        return pacer;
    }

    Clock clock() {
        return clock;
    }

    String origin() {
        return origin;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "butler-sos";
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        answers.shutdownNow();
        clients.clear();
    }
}
