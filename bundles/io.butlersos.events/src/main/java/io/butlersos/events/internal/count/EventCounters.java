package io.butlersos.events.internal.count;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.events.EventCount;
import io.butlersos.api.events.EventCounts;
import io.butlersos.api.events.RejectedCount;
import io.butlersos.api.events.RejectedEventCounts;
import io.butlersos.events.internal.rules.TagPairs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the event and rejected-event counters and publishes them every interval. Publishing hands the
 * snapshot to the core, whose per-sink queues keep it until each sink has it, so a failing sink never
 * costs counts; and the counters are never reset, only read as deltas, so nothing is lost between reads.
 */
@Component(configurationPid = CountersConfig.PID, immediate = true, service = EventCounters.class)
@Designate(ocd = CountersConfig.class)
public final class EventCounters {

    private static final Logger LOG = LoggerFactory.getLogger(EventCounters.class);

    private final EventCounter events = new EventCounter();
    private final RejectedCounter rejected = new RejectedCounter();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "butlersos-events-counters");
        t.setDaemon(true);
        return t;
    });
    private final SignalPublisher publisher;
    private final String origin = hostName();
    private volatile CountersConfig config;
    private ScheduledFuture<?> task;
    private Instant last = Instant.now();

    @Activate
    public EventCounters(@Reference SignalPublisher publisher, CountersConfig config) {
        this.publisher = publisher;
        modified(config);
    }

    @Modified
    synchronized void modified(CountersConfig newConfig) {
        TagPairs.tags(CountersConfig.PID + " event_count_tags", newConfig.event_count_tags());
        TagPairs.tags(CountersConfig.PID + " rejected_count_tags", newConfig.rejected_count_tags());
        this.config = newConfig;
        if (task != null) {
            task.cancel(false);
        }
        long every = Math.max(1, newConfig.interval_s());
        task = timer.scheduleAtFixedRate(this::report, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    public void deactivate() {
        report();
        timer.shutdownNow();
    }

    public EventCounter events() {
        return events;
    }

    public RejectedCounter rejected() {
        return rejected;
    }

    /** Publishes what was counted since the last report. */
    public synchronized void report() {
        try {
            CountersConfig c = config;
            Instant now = Instant.now();
            List<EventCount> counts = events.interval();
            if (c.event_count_enabled() && !counts.isEmpty()) {
                publisher.publish(new EventCounts(now, origin,
                        TagPairs.tags("event_count_tags", c.event_count_tags()), c.event_count_measurement(), last,
                        counts));
            }
            List<RejectedCount> rejections = rejected.interval();
            if (c.rejected_count_enabled() && !rejections.isEmpty()) {
                publisher.publish(new RejectedEventCounts(now, origin,
                        TagPairs.tags("rejected_count_tags", c.rejected_count_tags()), c.rejected_count_measurement(),
                        last, rejections));
            }
            last = now;
        } catch (RuntimeException e) {
            LOG.error("Could not publish the event counters", e);
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "butler-sos";
        }
    }
}
