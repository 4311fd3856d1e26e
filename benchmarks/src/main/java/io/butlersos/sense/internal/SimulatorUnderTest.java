package io.butlersos.sense.internal;

import java.nio.file.Path;
import java.util.List;

/** The simulated Sense nodes a load test polls, wherever they run, and the export to poll them with. */
interface SimulatorUnderTest extends AutoCloseable {

    /** One node's address and ports. */
    record Target(String host, int enginePort, int proxyPort) {
    }

    List<Target> targets();

    Path clientCert();

    Path clientKey();

    Path root();

    /** CPU used by a simulator in its own process so far; 0 when it runs in this JVM. */
    long externalCpuNanos();

    @Override
    void close();
}
