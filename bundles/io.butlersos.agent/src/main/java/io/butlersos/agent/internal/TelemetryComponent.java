package io.butlersos.agent.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.butlersos.agent.internal.TelemetryReport.ActiveBundle;
import io.butlersos.api.hostinfo.HostInfo;
import io.butlersos.api.sink.Sink;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules opt-in telemetry. Host info is an optional reference: the agent never requires it, and
 * telemetry refuses to report while it is absent.
 */
@Component(configurationPid = TelemetryConfig.PID, immediate = true, service = {})
@Designate(ocd = TelemetryConfig.class)
public final class TelemetryComponent {

    /** Gives the host-info bundle, which starts after this one, time to come up. */
    static final long FIRST_REPORT_DELAY_S = 30;

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HostInfo hostInfo;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "butlersos-telemetry");
        t.setDaemon(true);
        return t;
    });
    private BundleContext context;
    private ScheduledFuture<?> task;

    @Activate
    void activate(BundleContext bundleContext, TelemetryConfig config) {
        this.context = bundleContext;
        apply(config);
    }

    @Modified
    void modified(TelemetryConfig config) {
        apply(config);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private synchronized void apply(TelemetryConfig config) {
        if (task != null) {
            task.cancel(true);
            task = null;
        }
        if (!config.enable()) {
            LOG.debug("Telemetry is off (opt-in; enable=false)");
            return;
        }
        if (config.url().isBlank()) {
            LOG.warn("Telemetry stays off: enable=true but no url is configured in {}", TelemetryConfig.PID);
            return;
        }
        URI url;
        try {
            url = SafeUrl.parse(TelemetryConfig.PID + " url", config.url());
            ConfigCheck.atLeast(TelemetryConfig.PID, "interval.s", config.interval_s(), 60);
            ConfigCheck.atLeast(TelemetryConfig.PID, "timeout.ms", config.timeout_ms(), 1);
        } catch (IllegalArgumentException e) {
            LOG.error("Telemetry stays off: {}", e.getMessage());
            return;
        }
        Telemetry telemetry = new Telemetry(() -> hostInfo, this::activeBundles, this::sinkBundles,
                new TelemetrySender(url, Duration.ofMillis(config.timeout_ms())),
                context.getBundle().getVersion().toString(), SafeUrl.of(url), Clock.systemUTC());
        task = timer.scheduleAtFixedRate(telemetry::sendOnce, FIRST_REPORT_DELAY_S, config.interval_s(),
                TimeUnit.SECONDS);
        LOG.info("Telemetry on (opt-in): reports to {} every {} s, the first in {} s", SafeUrl.of(url),
                config.interval_s(), FIRST_REPORT_DELAY_S);
    }

    /** The agent's own bundles that are running; names and versions only, never locations (paths). */
    private List<ActiveBundle> activeBundles() {
        List<ActiveBundle> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (bundle.getState() == Bundle.ACTIVE && name != null && name.startsWith("io.butlersos.")) {
                result.add(new ActiveBundle(name, bundle.getVersion().toString()));
            }
        }
        result.sort((a, b) -> a.name().compareTo(b.name()));
        return result;
    }

    /** The bundles that provide sinks, by symbolic name: what kind of outputs run, not where they write. */
    private List<String> sinkBundles() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (ServiceReference<Sink> ref : context.getServiceReferences(Sink.class, null)) {
                Bundle owner = ref.getBundle();
                if (owner != null && owner.getSymbolicName() != null) {
                    names.add(owner.getSymbolicName());
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(names);
    }
}
