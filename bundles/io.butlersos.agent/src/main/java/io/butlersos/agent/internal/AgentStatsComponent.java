package io.butlersos.agent.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.health.AgentStats;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Butler SOS's uptime monitor: on an interval, logs uptime and memory and publishes them as an
 * {@code agent.stats} signal.
 */
@Component(configurationPid = UptimeConfig.PID, immediate = true, service = {})
@Designate(ocd = UptimeConfig.class)
public final class AgentStatsComponent {

    private static final Logger LOG = LoggerFactory.getLogger("io.butlersos.agent.uptime");

    @Reference
    private SignalPublisher publisher;

    private final AgentStatsReader reader = new AgentStatsReader(Clock.systemUTC());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "butlersos-uptime");
        t.setDaemon(true);
        return t;
    });
    private String version;
    private ScheduledFuture<?> task;
    private long iteration;

    @Activate
    void activate(BundleContext context, UptimeConfig config) {
        version = context.getBundle().getVersion().toString();
        apply(config);
    }

    @Modified
    void modified(UptimeConfig config) {
        apply(config);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private synchronized void apply(UptimeConfig config) {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        if (!config.enable()) {
            LOG.info("Uptime monitor is off (enable=false)");
            return;
        }
        long every;
        try {
            every = ConfigCheck.atLeast(UptimeConfig.PID, "interval.s", config.interval_s(), 1);
        } catch (IllegalArgumentException e) {
            LOG.error("Uptime monitor stays off: {}", e.getMessage());
            return;
        }
        String instance = InstanceName.of(config.instance_tag());
        Level level = level(config.log_level());
        boolean publish = config.store_memory_usage();
        task = timer.scheduleAtFixedRate(() -> tick(instance, level, publish), 0, every, TimeUnit.SECONDS);
        LOG.info("Uptime monitor on: every {} s, instance '{}', log level {}, agent.stats {}", every,
                instance, config.log_level(), publish ? "published" : "not published");
    }

    private void tick(String instance, Level level, boolean publish) {
        try {
            AgentStats stats = reader.read(instance, version);
            iteration++;
            if (level != null) {
                LOG.atLevel(level).log(line(iteration, stats));
            }
            if (publish) {
                publisher.publish(stats);
            }
        } catch (RuntimeException e) {
            LOG.error("Uptime monitor: could not measure or publish the agent's memory", e);
        }
    }

    static String line(long iteration, AgentStats stats) {
        return String.format(Locale.ROOT,
                "Uptime #%,d: %s | heap used %.2f MB, heap total %.2f MB, non-heap %.2f MB, process %.2f MB, %d threads",
                iteration, UptimeText.of(stats.uptime()), AgentStats.megabytes(stats.heapUsedBytes()),
                AgentStats.megabytes(stats.heapCommittedBytes()), AgentStats.megabytes(stats.nonHeapUsedBytes()),
                AgentStats.megabytes(stats.processMemoryBytes()), stats.threadCount());
    }

    /** The slf4j level of a configured name; null for {@code off}. Butler SOS's {@code verbose} is debug. */
    static Level level(String name) {
        String n = name == null ? "info" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "off":
                return null;
            case "verbose":
            case "silly":
                return Level.DEBUG;
            default:
                try {
                    return Level.valueOf(n.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Uptime monitor: log.level '{}' is not one of off, error, warn, info, debug, trace; "
                            + "using info", name);
                    return Level.INFO;
                }
        }
    }
}
