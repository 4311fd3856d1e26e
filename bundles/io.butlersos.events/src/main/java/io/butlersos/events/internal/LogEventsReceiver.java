package io.butlersos.events.internal;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.events.LogSource;
import io.butlersos.events.internal.count.EventCounters;
import io.butlersos.events.internal.enrich.AppNames;
import io.butlersos.events.internal.parse.LogDatagramParser;
import io.butlersos.events.internal.parse.ParseContext;
import io.butlersos.events.internal.qix.QixPerfMonitor;
import io.butlersos.events.internal.receive.ReceiverSettings;
import io.butlersos.events.internal.receive.ReceiverStats;
import io.butlersos.events.internal.rules.Categoriser;
import io.butlersos.events.internal.rules.TagPairs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The UDP receiver for log and QIX performance events (default port 9996). */
@Component(configurationPid = LogEventsConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = LogEventsConfig.class)
public final class LogEventsReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(LogEventsReceiver.class);

    private final QixPerfMonitor qixPerf;
    private final AppNamesTracker appNames;
    private final LogEventHandler handler;
    private final ReceiverRunner runner;

    @Activate
    public LogEventsReceiver(@Reference SignalPublisher publisher, @Reference Categoriser categoriser,
            @Reference QixPerfMonitor qixPerf, @Reference EventCounters counters, @Reference AppNamesTracker appNames,
            LogEventsConfig config) {
        this.qixPerf = qixPerf;
        this.appNames = appNames;
        ReceiverStats stats = new ReceiverStats();
        this.handler = new LogEventHandler(policy(config), publisher, categoriser, qixPerf, counters, stats);
        this.runner = new ReceiverRunner("log", "UDP_LOG_EVENT", publisher, handler, stats);
        modified(config);
    }

    @Modified
    void modified(LogEventsConfig config) {
        if (!config.enabled()) {
            LOG.info("Log events receiver is switched off");
            runner.stop();
            return;
        }
        handler.policy(policy(config));
        runner.apply(settings(config), new ReceiverRunner.MetricsSettings(config.metrics_enabled(),
                config.metrics_interval_s(), config.metrics_measurement(),
                TagPairs.tags(LogEventsConfig.PID + " metrics_tags", config.metrics_tags())));
    }

    /** The running receiver, or null; for tests. */
    io.butlersos.events.internal.receive.UdpReceiver receiver() {
        return runner.receiver();
    }

    @Deactivate
    void deactivate() {
        runner.close();
    }

    private LogEventHandler.Policy policy(LogEventsConfig config) {
        AppNames names = appNames;
        ParseContext context = new ParseContext(TagPairs.tags(LogEventsConfig.PID + " tags", config.tags()),
                zone(config.sense_time_zone()), names::nameOf,
                id -> qixPerf.appNameLookup() ? names.nameOf(id) : null);
        Set<LogSource> sources = EnumSet.noneOf(LogSource.class);
        if (config.source_engine()) {
            sources.add(LogSource.ENGINE);
        }
        if (config.source_proxy()) {
            sources.add(LogSource.PROXY);
        }
        if (config.source_repository()) {
            sources.add(LogSource.REPOSITORY);
        }
        if (config.source_scheduler()) {
            sources.add(LogSource.SCHEDULER);
        }
        if (config.source_qix_perf()) {
            sources.add(LogSource.QIX_PERF);
        }
        return new LogEventHandler.Policy(new LogDatagramParser(context), Set.copyOf(sources));
    }

    static ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(text.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(LogEventsConfig.PID + " sense_time_zone: '" + text
                    + "' is not a time zone id such as Europe/Stockholm", e);
        }
    }

    static ReceiverSettings settings(LogEventsConfig c) {
        return new ReceiverSettings("log", c.bind_address().strip(), c.port(), c.receive_buffer_bytes(), c.workers(),
                c.queue_capacity(), c.queue_memory_bytes(), c.max_datagram_bytes(), c.backpressure_threshold_pct(),
                c.allow_list_enabled(), c.allowed_sources(), c.allow_list_refresh_s(), c.rate_limit_enabled(),
                c.rate_limit_per_minute(), c.rate_limit_burst());
    }
}
