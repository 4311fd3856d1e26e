package io.butlersos.sense.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.butlersos.api.tls.TlsContextProvider;
import io.butlersos.api.tls.TlsOptions;
import io.butlersos.api.tls.TlsUnavailableException;

/**
 * What all Sense pollers share: one timer, one small pool for answers, the HTTP clients per
 * certificate set, and the certificate sets themselves. The timer only starts asynchronous requests,
 * so two threads serve hundreds of servers.
 */
@Component(service = PollingRuntime.class, immediate = true)
public final class PollingRuntime implements ClientSource {

    private final Map<String, TlsContextProvider> sets = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService answers;
    private final HttpClientCache clients;
    private final Clock clock = Clock.systemUTC();
    private final String origin = hostName();

    public PollingRuntime() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(2, threads("butlersos-sense-timer"));
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
        this.answers = Executors.newFixedThreadPool(4, threads("butlersos-sense-http"));
        this.clients = new HttpClientCache(answers);
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
