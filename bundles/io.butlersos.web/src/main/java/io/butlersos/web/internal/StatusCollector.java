package io.butlersos.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * The status page's eyes: a sink like any other, so it sees what every component publishes through
 * the core (Sense health and sessions, receiver metrics, event counts, the agent's own signals),
 * and keeps it on a bounded {@link StatusBoard}.
 */
@Component(configurationPid = WebConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {Sink.class, StatusCollector.class},
        property = {Sink.NAME + "=status-page",
                Sink.SIGNAL_TYPES + "=sense.*",
                Sink.SIGNAL_TYPES + "=event.receiver",
                Sink.SIGNAL_TYPES + "=event.counts",
                Sink.SIGNAL_TYPES + "=agent.*"})
public final class StatusCollector implements Sink {

    private final StatusBoard board;

    @Activate
    public StatusCollector(WebConfig config) {
        this.board = new StatusBoard(limits(config), Clock.systemUTC());
    }

    @Modified
    void modified(WebConfig config) {
        board.limits(limits(config));
    }

    private static StatusBoard.Limits limits(WebConfig config) {
        return new StatusBoard.Limits(Duration.ofMinutes(Math.max(1, config.history_minutes())),
                Math.max(10, config.history_points()), Math.max(1, config.errors_kept()));
    }

    @Override
    public void write(List<Signal> batch) {
        for (Signal signal : batch) {
            board.accept(signal);
        }
    }

    @Override
    public String target() {
        return "the status page (memory)";
    }

    StatusBoard board() {
        return board;
    }
}
