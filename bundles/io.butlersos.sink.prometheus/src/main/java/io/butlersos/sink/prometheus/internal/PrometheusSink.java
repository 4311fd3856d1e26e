package io.butlersos.sink.prometheus.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.ReceiverMetrics;
import io.butlersos.api.events.RejectedEventCounts;
import io.butlersos.api.events.UserEvent;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.PollResult;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pull output: {@link #write(List)} only updates the current values, and each scrape reads them.
 * Writes never fail, so the core never holds a backlog for this sink. A change of configuration
 * re-creates the component and its endpoint (counters start again, which Prometheus handles as a reset).
 */
@Component(configurationPid = PrometheusSinkConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = PrometheusSinkConfig.class, factory = true)
public final class PrometheusSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusSink.class);

    private final SeriesStore store;
    private final SenseMetrics sense;
    private final EventMetrics events;
    private final AgentMetrics agent;
    private final ScrapeEndpoint endpoint;

    @Activate
    public PrometheusSink(PrometheusSinkConfig config) throws IOException {
        this(config, Clock.systemUTC());
    }

    PrometheusSink(PrometheusSinkConfig config, Clock clock) throws IOException {
        this.store = new SeriesStore(clock, Duration.ofSeconds(config.series_expiry_s()),
                Duration.ofSeconds(config.counter_expiry_s()));
        this.sense = new SenseMetrics(store);
        this.events = new EventMetrics(store);
        this.agent = new AgentMetrics(store);
        this.endpoint = new ScrapeEndpoint(config.host(), config.port(), config.path(), store::snapshot);
        LOG.info("Prometheus output '{}' serves {}", config.butlersos_sink_name(), endpoint.url());
    }

    @Override
    public void write(List<Signal> batch) {
        for (Signal signal : batch) {
            record(signal);
        }
    }

    private void record(Signal signal) {
        if (signal instanceof HealthSample s) {
            sense.health(s);
        } else if (signal instanceof ProxySessions s) {
            sense.sessions(s);
        } else if (signal instanceof PollResult r) {
            agent.poll(r);
        } else if (signal instanceof LogEvent e) {
            events.log(e);
        } else if (signal instanceof QixPerfEvent e) {
            events.qixPerf(e);
        } else if (signal instanceof UserEvent e) {
            events.user(e);
        } else if (signal instanceof RejectedEventCounts c) {
            events.rejected(c);
        } else if (signal instanceof ReceiverMetrics m) {
            events.receiver(m);
        } else if (signal instanceof ErrorSignal e) {
            agent.error(e);
        } else if (signal instanceof AgentStats s) {
            agent.stats(s);
        } else if (signal instanceof SinkStatus s) {
            agent.sink(s);
        }
        // Other types (event.counts, host.info, third-party signals) have no Prometheus mapping.
    }

    @Override
    public String target() {
        return endpoint.url();
    }

    /** The store, for tests. */
    SeriesStore store() {
        return store;
    }

    @Deactivate
    void deactivate() {
        endpoint.close();
    }
}
