package io.butlersos.bench.countingsink.internal;

import java.util.List;

import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink that only counts: every write succeeds at once, so a load test measures the receiver and
 * the delivery core, not an output. The core already counts what it delivered to each sink (the
 * status page and {@code agent.sink} show it); this sink keeps its own count by signal type as a
 * cross-check and logs it when it stops.
 */
@Component(configurationPid = CountingSinkConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CountingSinkConfig.class, factory = true)
public final class CountingSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(CountingSink.class);

    private final String name;
    private final SignalTally tally = new SignalTally();

    @Activate
    public CountingSink(CountingSinkConfig config) {
        this.name = config.butlersos_sink_name();
        LOG.info("Counting sink '{}' counts {}", name, String.join(", ", config.butlersos_sink_signal_types()));
    }

    @Override
    public void write(List<Signal> batch) {
        for (Signal signal : batch) {
            tally.add(signal.type());
        }
    }

    @Override
    public String target() {
        return "nowhere (counts only)";
    }

    long counted() {
        return tally.total();
    }

    SignalTally tally() {
        return tally;
    }

    @Deactivate
    void deactivate() {
        LOG.info("Counting sink '{}' counted {} signals: {}", name, tally.total(), tally.byType());
    }
}
