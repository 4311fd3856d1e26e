package io.butlersos.simulator.udp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.butlersos.simulator.udp.SenseDatagrams;
import io.butlersos.simulator.udp.SenseMessageType;
import io.butlersos.simulator.udp.UdpEventGenerator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the UDP generator in the demo runtime, so the agent's receivers see a steady flow of every
 * message type. Only with a configuration (never in production by accident); a change restarts it.
 */
@Component(configurationPid = UdpGeneratorConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = UdpGeneratorConfig.class)
public final class UdpGeneratorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(UdpGeneratorComponent.class);

    private final Thread sender;

    @Activate
    public UdpGeneratorComponent(UdpGeneratorConfig config) throws IOException {
        SenseDatagrams datagrams = new SenseDatagrams(config.seed(), config.apps(), config.users(),
                List.of(config.hosts()), ZoneOffset.ofHours(config.utc_offset_hours()));
        InetSocketAddress log = new InetSocketAddress(config.host(), config.log_port());
        InetSocketAddress user = new InetSocketAddress(config.host(), config.user_port());
        UdpEventGenerator generator = new UdpEventGenerator(datagrams, log, user);
        double rate = config.rate();
        sender = new Thread(() -> send(generator, rate), "simulator-udp");
        sender.setDaemon(true);
        if (rate > 0) {
            sender.start();
            LOG.info("Simulated Sense UDP events: {} datagrams/s to {} (log) and {} (user)", rate, log, user);
        }
    }

    private static void send(UdpEventGenerator generator, double rate) {
        try (generator) {
            long perRound = Math.max(1, Math.round(rate / SenseMessageType.values().length));
            while (!Thread.currentThread().isInterrupted()) {
                // One round of every type, paced to the rate, stamped with the time of sending.
                generator.sendAllTypes(perRound, rate, Instant.now(), Duration.ofMillis(1));
            }
        } catch (IOException e) {
            if (!Thread.currentThread().isInterrupted()) {
                LOG.error("Simulated UDP events stopped: {}", e.getMessage());
            }
        }
    }

    @Deactivate
    void deactivate() {
        sender.interrupt();
    }
}
