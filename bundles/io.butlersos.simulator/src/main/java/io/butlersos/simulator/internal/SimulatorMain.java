package io.butlersos.simulator.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;

import io.butlersos.simulator.SenseWorld;
import io.butlersos.simulator.SimulatorPart;
import io.butlersos.simulator.internal.pki.QmcExport;

/**
 * The stand-alone simulator for load tests:
 * {@code java -jar io.butlersos.simulator-<version>-standalone.jar --servers 500 --cert-folder sim/certs --agent-config sim/config}.
 * Options are {@code --name value}; parts found with {@link ServiceLoader} (the UDP generator) get the
 * options that start with their name.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options.containsKey("help")) {
            System.out.println(usage());
            return;
        }
        int count = Integer.parseInt(options.getOrDefault("servers", "1"));
        String prefix = options.getOrDefault("name-prefix", "sim");
        String bind = options.getOrDefault("bind", "127.0.0.1");
        int basePort = Integer.parseInt(options.getOrDefault("base-port", "0"));
        Path certs = Path.of(options.getOrDefault("cert-folder", "simulator/certificates")).toAbsolutePath();
        List<String> vps = List.of(options.getOrDefault("virtual-proxies", "/").split(","));
        SenseWorld world = new SenseWorld(Long.parseLong(options.getOrDefault("seed", "1")),
                Integer.parseInt(options.getOrDefault("apps", "25")),
                Integer.parseInt(options.getOrDefault("users", "40")),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("step-ms", "5000"))), Instant.now());
        char[] password = options.getOrDefault("export-password", "").toCharArray();
        int threads = Integer.parseInt(options.getOrDefault("threads", "8"));

        SimulatedSite site = SimulatedSite.create(certs, List.of("localhost", "127.0.0.1"), password, world,
                threads, Clock.systemUTC());
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int port = basePort == 0 ? 0 : basePort + 3 * (i - 1);
            String name = prefix + i;
            site.start(new SimulatedNode.Settings(name, bind, port, port == 0 ? 0 : port + 1,
                    port == 0 ? 0 : port + 2, vps, options.getOrDefault("engine-version", "14.173.3")));
            names.add(name);
        }
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "0"));
        if (warmUp > 0) {
            long start = System.nanoTime();
            int failed = WarmUp.run(site, warmUp, 4);
            System.out.printf("warm-up: %d requests on new connections in %.1f s, %d failed%n", warmUp,
                    (System.nanoTime() - start) / 1e9, failed);
        }
        List<AutoCloseable> parts = new ArrayList<>();
        for (SimulatorPart part : ServiceLoader.load(SimulatorPart.class)) {
            parts.add(part.start(optionsFor(part.name(), options), world, names));
            System.out.println("started part " + part.name());
        }
        System.out.printf("%d simulated Sense nodes on %s; certificates in %s%n", count, bind, certs);
        for (SimulatedNode node : site.nodes()) {
            System.out.printf("  %s engine=%d proxy=%d repository=%d%n", node.name(), node.enginePort(),
                    node.proxyPort(), node.repositoryPort());
        }
        if (options.containsKey("agent-config")) {
            Path dir = Path.of(options.get("agent-config"));
            writeAgentConfig(dir, site, options.getOrDefault("export-password", ""));
            System.out.println("agent configuration written to " + dir.toAbsolutePath());
        }
        System.out.println("ready");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable part : parts) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.err.println("stopping a part failed: " + e);
                }
            }
            site.close();
            stop.countDown();
        }));
        stop.await();
    }

    /**
     * Writes Config Admin files for the agent: one certificate set and one Sense server per node, so an
     * agent watching that folder polls the simulator exactly as it would poll Sense.
     */
    static void writeAgentConfig(Path dir, SimulatedSite site, String password) throws IOException {
        Files.createDirectories(dir);
        QmcExport.Export export = site.export();
        // Config Admin property names: DS turns the attribute client_cert_key() into client.cert.key.
        StringBuilder cert = new StringBuilder()
                .append("name=default\n")
                .append("client.cert=").append(escape(export.clientCert().toString())).append('\n')
                .append("client.cert.key=").append(escape(export.clientKey().toString())).append('\n')
                .append("client.cert.ca=").append(escape(export.root().toString())).append('\n');
        if (!password.isEmpty()) {
            cert.append(".client.cert.passphrase=").append(escape(password)).append('\n');
        }
        Files.writeString(dir.resolve("io.butlersos.cert-default.cfg"), cert);
        for (SimulatedNode node : site.nodes()) {
            String host = node.bindAddress();
            String text = "server.name=" + node.name() + "\n"
                    + "server.description=Simulated node " + node.name() + "\n"
                    + "host=" + host + ":" + node.enginePort() + "\n"
                    + "proxy.host=" + host + ":" + node.proxyPort() + "\n"
                    + "virtual.proxies=" + String.join(",", node.virtualProxies()) + "\n"
                    + "certificate.set=default\n";
            Files.writeString(dir.resolve("io.butlersos.sense.server-" + node.name() + ".cfg"), text);
        }
        SimulatedNode first = site.nodes().isEmpty() ? null : site.nodes().get(0);
        if (first != null) {
            Files.writeString(dir.resolve("io.butlersos.sense.appnames.cfg"),
                    "host=" + first.bindAddress() + ":" + first.repositoryPort() + "\ncertificate.set=default\n");
        }
    }

    /** Backslashes are escapes in .cfg files (Windows paths). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'\n" + usage());
            }
            String name = args[i].substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }

    private static Map<String, String> optionsFor(String part, Map<String, String> options) {
        Map<String, String> mine = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (k.startsWith(part + ".")) {
                mine.put(k.substring(part.length() + 1), v);
            }
        });
        return mine;
    }

    static String usage() {
        return String.join("\n",
                "usage: java -jar io.butlersos.simulator-<version>-standalone.jar [options]",
                "  --servers N            simulated Sense nodes (1)",
                "  --name-prefix P        node names P1..PN (sim)",
                "  --bind ADDRESS         listen address (127.0.0.1)",
                "  --base-port PORT       node i uses PORT+3(i-1) .. +2 for engine, proxy, repository; 0 = free ports (0)",
                "  --cert-folder DIR      QMC-style export to read or write (simulator/certificates)",
                "  --export-password PW   encrypt client_key.pem ('')",
                "  --virtual-proxies LIST comma-separated (/)",
                "  --seed N --apps N --users N --step-ms MS --engine-version V --threads N",
                "  --agent-config DIR     write the agent's Config Admin files for these nodes",
                "  --warm-up N            make N mutual-TLS requests to the own nodes first, so a load test meets",
                "                         servers whose TLS code the JIT has compiled, as a long-running Sense (0)",
                "  --<part>.<option> V    options for a plug-in part, e.g. --udp.rate 100");
    }
}
