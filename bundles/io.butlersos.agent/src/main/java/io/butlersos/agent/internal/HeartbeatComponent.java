package io.butlersos.agent.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.SignalPublisher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Schedules the heartbeat: at start, then every interval; off unless a URL is configured. */
@Component(configurationPid = HeartbeatConfig.PID, immediate = true, service = {})
@Designate(ocd = HeartbeatConfig.class)
public final class HeartbeatComponent {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatComponent.class);

    @Reference
    private SignalPublisher publisher;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "butlersos-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> task;

    @Activate
    void activate(HeartbeatConfig config) {
        apply(config);
    }

    @Modified
    void modified(HeartbeatConfig config) {
        apply(config);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private synchronized void apply(HeartbeatConfig config) {
        if (task != null) {
            task.cancel(true);
            task = null;
        }
        if (!config.enable() || config.remote_url().isBlank()) {
            LOG.info("Heartbeat is off ({})", config.enable() ? "no remote.url configured" : "enable=false");
            return;
        }
        URI url;
        try {
            url = SafeUrl.parse(HeartbeatConfig.PID + " remote.url", config.remote_url());
            ConfigCheck.atLeast(HeartbeatConfig.PID, "interval.s", config.interval_s(), 1);
            ConfigCheck.atLeast(HeartbeatConfig.PID, "timeout.ms", config.timeout_ms(), 1);
        } catch (IllegalArgumentException e) {
            LOG.error("Heartbeat stays off: {}", e.getMessage());
            return;
        }
        Heartbeat heartbeat = new Heartbeat(url, Duration.ofMillis(config.timeout_ms()), InstanceName.of(""),
                publisher::publish, Clock.systemUTC());
        task = timer.scheduleAtFixedRate(heartbeat::beat, 0, config.interval_s(), TimeUnit.SECONDS);
        LOG.info("Heartbeat on: GET {} every {} s, timeout {} ms", SafeUrl.of(url), config.interval_s(),
                config.timeout_ms());
    }
}
