package io.butlersos.hostinfo.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.hostinfo.HostFacts;
import io.butlersos.api.hostinfo.HostInfo;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers the {@link HostInfo} service and publishes {@code host.info} at start and on an interval.
 * With {@code enable=false} it registers nothing and reads nothing, so consumers see the same as
 * when the bundle is removed. The service is registered by hand for exactly that reason: DS cannot
 * switch a component's service on and off by a configuration value.
 */
@Component(configurationPid = HostInfoConfig.PID, immediate = true, service = {})
@Designate(ocd = HostInfoConfig.class)
public final class HostInfoComponent {

    private static final Logger LOG = LoggerFactory.getLogger(HostInfoComponent.class);

    @Reference
    private SignalPublisher publisher;

    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "butlersos-hostinfo");
        t.setDaemon(true);
        return t;
    });
    private BundleContext context;
    private ServiceRegistration<HostInfo> registration;
    private ScheduledFuture<?> publishing;
    private CachedHostInfo hostInfo;

    @Activate
    void activate(BundleContext bundleContext, HostInfoConfig config) {
        this.context = bundleContext;
        apply(config);
    }

    @Modified
    void modified(HostInfoConfig config) {
        apply(config);
    }

    @Deactivate
    void deactivate() {
        stop();
        timer.shutdownNow();
    }

    private synchronized void apply(HostInfoConfig config) {
        stop();
        if (!config.enable()) {
            LOG.info("Host info is off (enable=false): the host is not queried, no HostInfo service, "
                    + "no host.info signals; telemetry cannot run without it");
            return;
        }
        long every = config.publish_interval_s();
        if (every < 1) {
            LOG.error("Host info stays off: {} publish.interval.s must be at least 1, not {}", HostInfoConfig.PID, every);
            return;
        }
        Map<String, String> tags = config.instance_tag().isBlank()
                ? Map.of() : Map.of("butler_sos_instance", config.instance_tag());
        OshiFactsReader reader = new OshiFactsReader(clock, tags);
        hostInfo = new CachedHostInfo(reader::read, clock, tags);
        registration = context.registerService(HostInfo.class, hostInfo, null);
        publishing = timer.scheduleAtFixedRate(this::publish, 0, every, TimeUnit.SECONDS);
        LOG.info("Host info on: host.info published at start and every {} s", every);
    }

    private void stop() {
        if (publishing != null) {
            publishing.cancel(false);
            publishing = null;
        }
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The framework unregisters a stopping bundle's services itself.
            }
            registration = null;
        }
    }

    private void publish() {
        CachedHostInfo current;
        synchronized (this) {
            current = hostInfo;
        }
        try {
            HostFacts facts = current.refresh();
            publisher.publish(facts);
            Throwable failure = current.lastFailure();
            if (failure != null) {
                publisher.publish(new ErrorSignal(clock.instant(), facts.origin(), "HOST_INFO", "", "HOST_INFO",
                        ErrorCategory.classify(failure, 0), "OSHI could not read the host: " + failure, "", 0,
                        Map.of()));
            }
        } catch (RuntimeException e) {
            LOG.error("Host info: could not publish host facts", e);
        }
    }
}
