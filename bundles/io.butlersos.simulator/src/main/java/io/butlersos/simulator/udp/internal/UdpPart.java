package io.butlersos.simulator.udp.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.butlersos.simulator.SenseWorld;
import io.butlersos.simulator.SimulatorPart;
import io.butlersos.simulator.udp.SenseDatagrams;
import io.butlersos.simulator.udp.SenseMessageType;
import io.butlersos.simulator.udp.UdpEventGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generator as a part of the stand-alone simulator: {@code --udp.rate 100} sends that many
 * datagrams per second, all seven types in turn, to {@code --udp.host} (127.0.0.1) ports
 * {@code --udp.log-port} (9996) and {@code --udp.user-port} (9997), until the simulator stops.
 * Without {@code --udp.rate} it sends nothing.
 */
public final class UdpPart implements SimulatorPart {

    private static final Logger LOG = LoggerFactory.getLogger(UdpPart.class);

    @Override
    public String name() {
        return "udp";
    }

    @Override
    public AutoCloseable start(Map<String, String> options, SenseWorld world, List<String> nodeNames)
            throws Exception {
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        if (rate <= 0) {
            return () -> { };
        }
        String host = options.getOrDefault("host", "127.0.0.1");
        InetSocketAddress log = new InetSocketAddress(host, Integer.parseInt(options.getOrDefault("log-port", "9996")));
        InetSocketAddress user = new InetSocketAddress(host,
                Integer.parseInt(options.getOrDefault("user-port", "9997")));
        SenseDatagrams datagrams = new SenseDatagrams(world.seed(), world.apps().size(), world.users().size(),
                nodeNames.isEmpty() ? List.of("sense1") : nodeNames,
                ZoneOffset.ofHours(Integer.parseInt(options.getOrDefault("utc-offset-hours", "1"))));
        Thread thread = new Thread(() -> {
            try (UdpEventGenerator generator = new UdpEventGenerator(datagrams, log, user)) {
                while (!Thread.currentThread().isInterrupted()) {
                    // One second's worth at a time, stamped with the current time.
                    long batch = Math.max(1, Math.round(rate / SenseMessageType.values().length));
                    generator.sendAllTypes(batch, rate, Instant.now(), Duration.ofMillis(1));
                }
            } catch (java.io.IOException e) {
                LOG.error("UDP generator stopped: {}", e.getMessage());
            }
        }, "simulator-udp");
        thread.setDaemon(true);
        thread.start();
        LOG.info("UDP generator: {} datagrams/s to {} (log) and {} (user)", rate, log, user);
        return thread::interrupt;
    }
}
