package io.butlersos.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private copy of the operator distribution ({@code distribution/target/butler-sos-<version>/butler-sos/})
 * in a temporary folder, configured for a load run: the log-event receiver and the web status API on
 * free loopback ports, the counting sink in {@code deploy/} with its configuration, and nothing else
 * that would take CPU (the default file output, which would write every event to disk, and the
 * optional host-info bundle are left out).
 */
final class AgentInstall {

    /** Where {@code mvn -B -DskipTests package} leaves the unpacked archive, relative to the project. */
    static final Path BUILT = Path.of("distribution", "target");
    /** The counting sink bundle, built by the reactor. */
    static final Path COUNTING_SINK_TARGET = Path.of("benchmarks", "counting-sink", "target");
    /** The counting sink's name in the agent (its {@code butlersos.sink.name}). */
    static final String SINK_NAME = "counting";

    /** Settings of the run that end up in the agent's configuration. */
    record Settings(int receiveBufferBytes, int workers, int queueCapacity, String sinkTypes,
            Map<String, String> extraCoreSettings) {
    }

    final Path home;
    final int logPort;
    final int webPort;

    private AgentInstall(Path home, int logPort, int webPort) {
        this.home = home;
        this.logPort = logPort;
        this.webPort = webPort;
    }

    /** The unpacked distribution under {@code distribution/target}, or a clear error saying how to build it. */
    static Path findDistribution(Path project) {
        Path target = project.resolve(BUILT);
        if (Files.isDirectory(target)) {
            try (Stream<Path> children = Files.list(target)) {
                List<Path> found = children.filter(p -> p.getFileName().toString().startsWith("butler-sos-"))
                        .map(p -> p.resolve("butler-sos"))
                        .filter(p -> Files.isRegularFile(p.resolve("bin/butler-sos")) && Files.isRegularFile(p.resolve("lib/butler-sos.jar")))
                        .sorted().toList();
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("The agent distribution is not built: no " + target
                + "/butler-sos-<version>/butler-sos/ with bin/butler-sos and lib/butler-sos.jar. Build it with "
                + "'mvn -B -DskipTests package' in " + project.toAbsolutePath().normalize()
                + " (or give its folder with --dist).");
    }

    /** The counting sink jar under {@code benchmarks/counting-sink/target}, or a clear error. */
    static Path findCountingSink(Path project) {
        Path target = project.resolve(COUNTING_SINK_TARGET);
        try (Stream<Path> children = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return children.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("io.butlersos.bench.countingsink-") && name.endsWith(".jar")
                        && !name.endsWith("-tests.jar") && !name.endsWith("-sources.jar");
            }).findFirst().orElseThrow(() -> new IllegalStateException("The counting sink bundle is not built: no "
                    + target + "/io.butlersos.bench.countingsink-*.jar. Build it with 'mvn -B -DskipTests package' "
                    + "(or give it with --sink-jar)."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the distribution into a new temporary folder and writes the run's configuration. */
    static AgentInstall create(Path distribution, Path countingSink, Settings settings) throws IOException {
        Path home = Files.createTempDirectory("butler-sos-load-").resolve("butler-sos");
        copyTree(distribution, home);
        AgentInstall install = new AgentInstall(home, freeUdpPort(), freeTcpPort());
        install.configure(countingSink, settings);
        return install;
    }

    private void configure(Path countingSink, Settings settings) throws IOException {
        Path config = home.resolve("config");
        Path deploy = home.resolve("deploy");
        // Noise: the default file output would write every event to disk; the host-info bundle polls the OS.
        Files.deleteIfExists(config.resolve("io.butlersos.sink.file-default.cfg"));
        try (Stream<Path> jars = Files.list(deploy)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }

        Map<String, String> log = new LinkedHashMap<>();
        log.put("bind.address", "127.0.0.1");
        log.put("port", Integer.toString(logPort));
        log.put("source.engine", "true");
        log.put("source.proxy", "true");
        log.put("source.repository", "true");
        log.put("source.scheduler", "true");
        log.put("receive.buffer.bytes", Integer.toString(settings.receiveBufferBytes()));
        log.put("workers", Integer.toString(settings.workers()));
        log.put("queue.capacity", Integer.toString(settings.queueCapacity()));
        // Totals on the status page move once per report; one a second lets a run settle quickly.
        log.put("metrics.interval.s", "1");
        write(config.resolve("io.butlersos.events.log.cfg"), log);

        // The generator sends QIX performance lines too; let them through as event.qix-perf.
        write(config.resolve("io.butlersos.events.qixperf.cfg"), Map.of("enabled", "true", "all.apps.enabled", "true"));

        Map<String, String> web = new LinkedHashMap<>();
        web.put("host", "127.0.0.1");
        web.put("port", Integer.toString(webPort));
        web.put("auth", "none");
        write(config.resolve("io.butlersos.web.cfg"), web);

        if (!settings.extraCoreSettings().isEmpty()) {
            // Appended to the shipped file: a later key wins in a .cfg file.
            StringBuilder core = new StringBuilder("\n# Added by AgentUdpLoad for a load run.\n");
            settings.extraCoreSettings().forEach((key, value) -> core.append(key).append(" = ").append(value).append('\n'));
            Files.writeString(config.resolve("io.butlersos.core.cfg"), core, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }

        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("butlersos.sink.name", SINK_NAME);
        sink.put("butlersos.sink.signal.types", settings.sinkTypes());
        write(config.resolve("io.butlersos.bench.countingsink-bench.cfg"), sink);
        // Hot deploy, as an operator would: FileInstall installs and starts what appears in deploy/.
        Files.copy(countingSink, deploy.resolve(countingSink.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(Path file, Map<String, String> values) throws IOException {
        StringBuilder text = new StringBuilder("# Written by AgentUdpLoad for a load run.\n");
        values.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        Files.writeString(file, text);
    }

    /** Copies the distribution as shipped: what earlier runs left in its logs/ and data/ stays behind. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() > 1 && (relative.startsWith("logs") || relative.startsWith("data"))) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Deletes the temporary folder (the copy's parent). */
    void delete() throws IOException {
        Path root = home.getParent();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
