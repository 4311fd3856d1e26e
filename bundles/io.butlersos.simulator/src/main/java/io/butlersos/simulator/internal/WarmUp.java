package io.butlersos.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Makes full mutual-TLS requests to the site's own nodes before a load test, so the simulator answers
 * like a Sense that has been running for a while: its TLS and HTTP code compiled by the JIT. Without
 * it, a load test of a freshly started agent also measures the simulator's own warm-up on the same
 * cores. Every request is a new connection with a full handshake (sessions are invalidated, so none is
 * resumed).
 */
final class WarmUp {

    private WarmUp() {
    }

    /** Makes {@code requests} requests spread over the nodes' engine and proxy ports; returns how many failed. */
    static int run(SimulatedSite site, int requests, int threads) throws GeneralSecurityException, InterruptedException {
        List<SimulatedNode> nodes = site.nodes();
        if (nodes.isEmpty() || requests <= 0) {
            return 0;
        }
        SSLContext client = MutualTls.client(site.export());
        client.getClientSessionContext().setSessionCacheSize(1);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < Math.max(1, threads); t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        SimulatedNode node = nodes.get((i / 2) % nodes.size());
                        boolean engine = i % 2 == 0;
                        try {
                            request(client, node.bindAddress(), engine ? node.enginePort() : node.proxyPort(),
                                    engine ? "/engine/healthcheck" : "/qps/session");
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("warm-up failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return failed.get();
    }

    private static void request(SSLContext client, String host, int port, String path) throws IOException {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // read the whole answer so the server's side runs to the end
            }
            socket.getSession().invalidate();
        }
    }
}
