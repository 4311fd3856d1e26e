package io.butlersos.distribution;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated Qlik Sense node from the stand-alone simulator jar: engine, proxy and repository APIs on
 * free loopback ports, each requiring a client certificate from the QMC-style export it writes.
 */
final class SimulatedSense implements AutoCloseable {

    private static final Pattern PORTS = Pattern.compile("(\\S+) engine=(\\d+) proxy=(\\d+) repository=(\\d+)");

    final Path certificates;
    final int enginePort;
    final int proxyPort;
    private final RunningProcess process;

    private SimulatedSense(RunningProcess process, Path certificates, Matcher ports) {
        this.process = process;
        this.certificates = certificates;
        this.enginePort = Integer.parseInt(ports.group(2));
        this.proxyPort = Integer.parseInt(ports.group(3));
    }

    static SimulatedSense start(Path dir) throws IOException, InterruptedException {
        Path certificates = dir.resolve("certificates");
        RunningProcess process = RunningProcess.start(dir, List.of(AgentArchive.java(), "-jar",
                AgentArchive.simulatorJar().toString(), "--servers", "1", "--cert-folder", certificates.toString()), List.of());
        try {
            String output = process.awaitOutput("simulator ports", out -> PORTS.matcher(out).find(), Duration.ofSeconds(60));
            Matcher ports = PORTS.matcher(output);
            ports.find();
            return new SimulatedSense(process, certificates, ports);
        } catch (AssertionError | InterruptedException e) {
            process.close();
            throw e;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
