package io.butlersos.sense.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.butlersos.simulator.SenseWorld;
import io.butlersos.simulator.internal.SimulatedNode;
import io.butlersos.simulator.internal.SimulatedSite;

/** Simulated nodes in the load test's own JVM: both TLS sides share its cores and its JIT warm-up. */
final class InProcessSimulator implements SimulatorUnderTest {

    private final SimulatedSite site;
    private final List<Target> targets;

    private InProcessSimulator(SimulatedSite site, List<Target> targets) {
        this.site = site;
        this.targets = targets;
    }

    static InProcessSimulator start(Path dir, int servers, int threads) throws IOException {
        SenseWorld world = new SenseWorld(1, 25, 40, Duration.ofSeconds(5), Instant.now());
        SimulatedSite site = SimulatedSite.create(dir.resolve("export"), List.of("localhost", "127.0.0.1"), null,
                world, threads, Clock.systemUTC());
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            SimulatedNode node = site.start(new SimulatedNode.Settings("sim" + i, "127.0.0.1", 0, 0, 0, List.of("/"),
                    "14.173.3"));
            targets.add(new Target(node.bindAddress(), node.enginePort(), node.proxyPort()));
        }
        return new InProcessSimulator(site, targets);
    }

    @Override
    public List<Target> targets() {
        return targets;
    }

    @Override
    public Path clientCert() {
        return site.export().clientCert();
    }

    @Override
    public Path clientKey() {
        return site.export().clientKey();
    }

    @Override
    public Path root() {
        return site.export().root();
    }

    @Override
    public long externalCpuNanos() {
        return 0;
    }

    @Override
    public void close() {
        site.close();
    }

    @Override
    public String toString() {
        return "in this JVM";
    }
}
