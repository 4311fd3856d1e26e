package io.butlersos.simulator;

import java.util.Map;

/**
 * A part the stand-alone simulator starts next to its HTTPS nodes, found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.butlersos.simulator.SimulatorPart}).
 * The UDP event generator plugs in here; inside OSGi each part is its own DS component instead.
 */
public interface SimulatorPart {

    /** A short name for logs and for {@code --<name>.*} options, e.g. {@code udp}. */
    String name();

    /**
     * Starts the part.
     *
     * @param options the command-line options that start with {@code --<name>.}, without that prefix
     * @param world the site the HTTPS nodes simulate, so events name the same apps and users
     * @param nodeNames the simulated node names
     * @return what stops the part
     */
    AutoCloseable start(Map<String, String> options, SenseWorld world, java.util.List<String> nodeNames)
            throws Exception;
}
