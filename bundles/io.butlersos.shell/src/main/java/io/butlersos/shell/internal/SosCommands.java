package io.butlersos.shell.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.butlersos.api.agent.health.ErrorCounts;
import io.butlersos.api.sink.DeliveryMonitor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@code sos:} commands of the Gogo shell. Each returns its text, which the shell prints; the
 * delivery core and the error tracker are optional, so the commands still answer when one is absent.
 */
@Component(service = SosCommands.class, property = {
        "osgi.command.scope=sos",
        "osgi.command.function=status",
        "osgi.command.function=servers",
        "osgi.command.function=sinks" })
public final class SosCommands {

    @Reference
    private SenseState sense;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeliveryMonitor delivery;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ErrorCounts errors;

    /** One screen: uptime, servers, sinks with totals and failures, errors of the day. */
    public String status() {
        DeliveryMonitor monitor = delivery;
        ErrorCounts counts = errors;
        return StatusText.status(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()), sense.servers(),
                Optional.ofNullable(monitor).map(DeliveryMonitor::sinks), Optional.ofNullable(counts).map(ErrorCounts::today),
                Instant.now());
    }

    /** One line per Sense server with its newest health sample and proxy sessions. */
    public String servers() {
        ErrorCounts counts = errors;
        return StatusText.servers(sense.servers(), Optional.ofNullable(counts).map(ErrorCounts::today), Instant.now());
    }

    /** One line per sink instance with the core's delivery counters. */
    public String sinks() {
        DeliveryMonitor monitor = delivery;
        return monitor == null ? "The delivery core is not running.\n" : StatusText.sinks(monitor.sinks());
    }
}
