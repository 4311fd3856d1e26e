package io.butlersos.simulator.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.butlersos.simulator.SenseWorld;

/**
 * One simulated Qlik Sense node: the engine (4747), proxy (4243) and repository (4242) APIs, each on
 * its own HTTPS port that requires a client certificate signed by the export's CA.
 */
public final class SimulatedNode implements AutoCloseable {

    /** Where the node listens and what it serves. */
    public record Settings(String name, String bindAddress, int enginePort, int proxyPort, int repositoryPort,
            List<String> virtualProxies, String engineVersion) {
    }

    private final Settings settings;
    private final List<HttpsServer> servers = new ArrayList<>(3);
    private final AtomicLong requests = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Duration responseDelay = Duration.ZERO;
    private int enginePort;
    private int proxyPort;
    private int repositoryPort;

    private SimulatedNode(Settings settings) {
        this.settings = settings;
    }

    /** Binds the three ports and starts answering. */
    public static SimulatedNode start(Settings settings, SenseWorld world, SSLContext tls, Executor executor,
            Supplier<Instant> clock) throws IOException {
        SimulatedNode node = new SimulatedNode(settings);
        try {
            node.enginePort = node.listen(settings.enginePort(), tls, executor,
                    new EngineHandler(world, settings.name(), settings.engineVersion(), clock));
            node.proxyPort = node.listen(settings.proxyPort(), tls, executor,
                    new ProxyHandler(world, settings.name(), prefixes(settings.virtualProxies()), clock));
            node.repositoryPort = node.listen(settings.repositoryPort(), tls, executor,
                    new RepositoryHandler(world, clock));
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** Virtual proxy strings as configured ({@code /}, {@code /hdr}, {@code hdr}) to path prefixes. */
    static Set<String> prefixes(List<String> virtualProxies) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String vp : virtualProxies.isEmpty() ? List.of("/") : virtualProxies) {
            prefixes.add(vp.replaceAll("^/+|/+$", ""));
        }
        return prefixes;
    }

    private int listen(int port, SSLContext tls, Executor executor, HttpHandler handler) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(settings.bindAddress(), port), 128);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true); // Sense's service ports accept only certificate holders
                params.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> handle(handler, exchange));
        server.setExecutor(executor);
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    private void handle(HttpHandler handler, HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            answer(handler, exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpHandler handler, HttpExchange exchange) throws IOException {
        Duration delay = responseDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis()); // a slow server, for tests of deadlines
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (exchange) {
            handler.handle(exchange);
        }
    }

    public String name() {
        return settings.name();
    }

    public String bindAddress() {
        return settings.bindAddress();
    }

    public int enginePort() {
        return enginePort;
    }

    public int proxyPort() {
        return proxyPort;
    }

    public int repositoryPort() {
        return repositoryPort;
    }

    public List<String> virtualProxies() {
        return settings.virtualProxies();
    }

    /** Requests answered so far, on all three ports. */
    public long requests() {
        return requests.get();
    }

    /** The most requests this node was answering at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Makes every answer wait this long first (zero for none). */
    public void setResponseDelay(Duration delay) {
        this.responseDelay = delay == null ? Duration.ZERO : delay;
    }

    @Override
    public void close() {
        for (HttpsServer server : servers) {
            server.stop(0);
        }
        servers.clear();
    }
}
