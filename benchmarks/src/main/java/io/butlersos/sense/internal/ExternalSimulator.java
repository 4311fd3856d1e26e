package io.butlersos.sense.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.butlersos.simulator.internal.pki.QmcExport;

/**
 * The stand-alone simulator ({@code java -jar ...-standalone.jar}) in a process of its own, as Sense
 * runs on machines of its own: the load test's JVM then holds only the agent's side. It shares the
 * cores, but not the JIT warm-up, and with {@code --warm-up} it answers like a long-running server.
 */
final class ExternalSimulator implements SimulatorUnderTest {

    private static final Pattern NODE = Pattern.compile("^\\s+\\S+ engine=(\\d+) proxy=(\\d+) repository=(\\d+)$");

    private final Process process;
    private final Path certs;
    private final List<Target> targets;

    private ExternalSimulator(Process process, Path certs, List<Target> targets) {
        this.process = process;
        this.certs = certs;
        this.targets = targets;
    }

    static ExternalSimulator start(Path jar, Path dir, int servers, int threads, int warmUp, String idleSeconds)
            throws IOException, InterruptedException {
        Path certs = dir.resolve("export");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Dsun.net.httpserver.idleInterval=" + idleSeconds, "-jar",
                jar.toString(), "--servers", Integer.toString(servers), "--cert-folder", certs.toString(), "--threads",
                Integer.toString(threads), "--warm-up", Integer.toString(warmUp))
                .redirectErrorStream(true).start();
        List<Target> targets = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = NODE.matcher(line);
            if (m.matches()) {
                targets.add(new Target("127.0.0.1", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            } else if (line.equals("ready")) {
                break;
            } else {
                System.out.println("simulator: " + line);
            }
        }
        if (targets.size() != servers || !process.isAlive()) {
            process.destroyForcibly();
            throw new IOException("the stand-alone simulator did not start " + servers + " nodes (" + targets.size()
                    + " listed); its output is above");
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> System.out.println("simulator: " + l)),
                "simulator-output");
        drain.setDaemon(true);
        drain.start();
        return new ExternalSimulator(process, certs, targets);
    }

    @Override
    public List<Target> targets() {
        return targets;
    }

    @Override
    public Path clientCert() {
        return certs.resolve(QmcExport.CLIENT);
    }

    @Override
    public Path clientKey() {
        return certs.resolve(QmcExport.CLIENT_KEY);
    }

    @Override
    public Path root() {
        return certs.resolve(QmcExport.ROOT);
    }

    @Override
    public long externalCpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() {
        process.destroy();
    }

    @Override
    public String toString() {
        return "stand-alone simulator, pid " + process.pid();
    }
}
