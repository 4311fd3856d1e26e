package io.butlersos.simulator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import io.butlersos.simulator.SenseWorld;
import io.butlersos.simulator.internal.pki.QmcExport;

/**
 * Simulated nodes that share one certificate export, one world and one pool of handler threads. Used
 * by the DS component, the stand-alone main and the tests of other bundles.
 */
public final class SimulatedSite implements AutoCloseable {

    private final QmcExport.Export export;
    private final SenseWorld world;
    private final SSLContext tls;
    private final ExecutorService handlers;
    private final Clock clock;
    private final Map<String, SimulatedNode> nodes = new ConcurrentHashMap<>();

    private SimulatedSite(QmcExport.Export export, SenseWorld world, SSLContext tls, int threads, Clock clock) {
        this.export = export;
        this.world = world;
        this.tls = tls;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sense-simulator-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loads or writes the QMC-style export in {@code certFolder} and prepares to start nodes.
     *
     * @param serverNames names the server certificate is valid for (the "machine name" of the QMC export)
     * @param passphrase the export password for {@code client_key.pem}; null or empty for none
     */
    public static SimulatedSite create(Path certFolder, List<String> serverNames, char[] passphrase,
            SenseWorld world, int threads, Clock clock) throws IOException {
        QmcExport.Export export = QmcExport.loadOrCreate(certFolder, serverNames, passphrase);
        try {
            return new SimulatedSite(export, world, MutualTls.server(export), Math.max(1, threads), clock);
        } catch (GeneralSecurityException e) {
            throw new IOException("the simulator's certificates in " + certFolder + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /** Starts a node; a node of the same name is stopped first. */
    public SimulatedNode start(SimulatedNode.Settings settings) throws IOException {
        stop(settings.name());
        SimulatedNode node = SimulatedNode.start(settings, world, tls, handlers, clock::instant);
        nodes.put(settings.name(), node);
        return node;
    }

    /** Stops a node; its ports stop answering at once. */
    public void stop(String name) {
        SimulatedNode node = nodes.remove(name);
        if (node != null) {
            node.close();
        }
    }

    public SimulatedNode node(String name) {
        return nodes.get(name);
    }

    public List<SimulatedNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public QmcExport.Export export() {
        return export;
    }

    public SenseWorld world() {
        return world;
    }

    @Override
    public void close() {
        nodes.keySet().forEach(this::stop);
        handlers.shutdownNow();
    }
}
