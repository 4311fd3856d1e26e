package io.butlersos.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.butlersos.api.sink.DeliveryMonitor;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gathers the facts readiness needs (configured sources, what they last did, the sinks) and judges them. */
@Component(configurationPid = WebConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ReadinessCheck.class)
public final class ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessCheck.class);

    private final ConfigurationAdmin admin;
    private final StatusCollector collector;
    private final Clock clock = Clock.systemUTC();
    private volatile WebConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeliveryMonitor monitor;

    @Activate
    public ReadinessCheck(@Reference ConfigurationAdmin admin, @Reference StatusCollector collector, WebConfig config) {
        this.admin = admin;
        this.collector = collector;
        this.config = config;
    }

    @Modified
    void modified(WebConfig newConfig) {
        this.config = newConfig;
    }

    Readiness.Report evaluate() {
        WebConfig c = config;
        StatusBoard board = collector.board();
        List<SourceExpectation> expected = SourceExpectations.of(configurations(), Math.max(1, c.ready_grace_intervals()));
        DeliveryMonitor m = monitor;
        Readiness.Facts facts = new Readiness.Facts(expected,
                e -> e.kind().equals(SourceExpectation.SENSE_SERVER) ? board.lastHealth(e.name())
                        : board.lastReceiverReport(e.name()),
                e -> e.kind().equals(SourceExpectation.SENSE_SERVER) ? board.lastError(e.name()) : Optional.empty(),
                m == null ? null : m.sinks());
        return new Readiness(c.ready_queue_fill_max_pct()).evaluate(facts, clock.instant());
    }

    private List<SourceExpectations.Config> configurations() {
        List<SourceExpectations.Config> out = new ArrayList<>();
        try {
            Configuration[] found = admin.listConfigurations(SourceExpectations.FILTER);
            if (found != null) {
                for (Configuration c : found) {
                    if (c.getProperties() != null) {
                        out.add(new SourceExpectations.Config(c.getPid(), c.getFactoryPid(), c.getProperties()));
                    }
                }
            }
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            LOG.warn("Could not read the source configurations for readiness: {}", e.getMessage());
        }
        return out;
    }
}
