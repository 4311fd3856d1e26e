package io.butlersos.events.internal;

import java.time.ZoneId;

import io.butlersos.api.SignalPublisher;
import io.butlersos.events.internal.count.EventCounters;
import io.butlersos.events.internal.enrich.AppNames;
import io.butlersos.events.internal.enrich.UserAgentReader;
import io.butlersos.events.internal.enrich.UserExclusions;
import io.butlersos.events.internal.parse.ParseContext;
import io.butlersos.events.internal.parse.UserDatagramParser;
import io.butlersos.events.internal.receive.ReceiverSettings;
import io.butlersos.events.internal.receive.ReceiverStats;
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

/** The UDP receiver for user activity events (default port 9997). */
@Component(configurationPid = UserEventsConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = UserEventsConfig.class)
public final class UserEventsReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(UserEventsReceiver.class);

    private final AppNamesTracker appNames;
    private final UserAgentReader userAgents = new UserAgentReader();
    private final UserEventHandler handler;
    private final ReceiverRunner runner;

    @Activate
    public UserEventsReceiver(@Reference SignalPublisher publisher, @Reference EventCounters counters,
            @Reference AppNamesTracker appNames, UserEventsConfig config) {
        this.appNames = appNames;
        ReceiverStats stats = new ReceiverStats();
        this.handler = new UserEventHandler(policy(config), publisher, counters, stats);
        this.runner = new ReceiverRunner("user", "UDP_USER_EVENT", publisher, handler, stats);
        modified(config);
    }

    @Modified
    void modified(UserEventsConfig config) {
        if (!config.enabled()) {
            LOG.info("User events receiver is switched off");
            runner.stop();
            return;
        }
        handler.policy(policy(config));
        runner.apply(settings(config), new ReceiverRunner.MetricsSettings(config.metrics_enabled(),
                config.metrics_interval_s(), config.metrics_measurement(),
                TagPairs.tags(UserEventsConfig.PID + " metrics_tags", config.metrics_tags())));
    }

    /** The running receiver, or null; for tests. */
    io.butlersos.events.internal.receive.UdpReceiver receiver() {
        return runner.receiver();
    }

    @Deactivate
    void deactivate() {
        runner.close();
    }

    private UserEventHandler.Policy policy(UserEventsConfig config) {
        AppNames names = appNames;
        ParseContext context = new ParseContext(TagPairs.tags(UserEventsConfig.PID + " tags", config.tags()),
                ZoneId.systemDefault(), names::nameOf);
        return new UserEventHandler.Policy(new UserDatagramParser(context, userAgents),
                new UserExclusions(config.exclude_users()));
    }

    static ReceiverSettings settings(UserEventsConfig c) {
        return new ReceiverSettings("user", c.bind_address().strip(), c.port(), c.receive_buffer_bytes(), c.workers(),
                c.queue_capacity(), c.queue_memory_bytes(), c.max_datagram_bytes(), c.backpressure_threshold_pct(),
                c.allow_list_enabled(), c.allowed_sources(), c.allow_list_refresh_s(), c.rate_limit_enabled(),
                c.rate_limit_per_minute(), c.rate_limit_burst());
    }
}
