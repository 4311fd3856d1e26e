package io.butlersos.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sink.DeliveryMonitor;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkStatus;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
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
 * The hub: every published signal goes to the lane of each sink that takes its type. Lanes are kept
 * by the sink's configuration id, so a sink that comes back (reconfigured, redeployed) gets its backlog.
 */
@Component(configurationPid = CoreConfig.PID, immediate = true,
        service = {SignalPublisher.class, DeliveryMonitor.class})
@Designate(ocd = CoreConfig.class)
public final class SignalRouter implements SignalPublisher, DeliveryMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(SignalRouter.class);

    private final ConcurrentHashMap<String, SinkLane> lanesById = new ConcurrentHashMap<>();
    /** Copy-on-write view for the publish path, which must not lock. */
    private volatile SinkLane[] lanes = new SinkLane[0];
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "butlersos-core-timer");
        t.setDaemon(true);
        return t;
    });
    /** Sinks bound before activation (DS binds static-greedy references first) wait here. */
    private final Map<Object, Map<String, Object>> early = new ConcurrentHashMap<>();
    private final Map<Object, Sink> earlySinks = new ConcurrentHashMap<>();

    /** Non-null only during the start-up window; guarded by {@link #replayLock}. */
    private volatile StartupReplay startup;
    private final Object replayLock = new Object();

    /** True while the OSGi framework is stopping (never outside OSGi); replaced by tests. */
    volatile BooleanSupplier frameworkStopping = SignalRouter::frameworkIsStopping;
    /** When the drain on a clean stop must end (System.nanoTime()); 0 until the stop begins. */
    private long drainDeadline;

    private volatile CoreConfig config;
    private volatile String origin;
    private ScheduledFuture<?> statsTask;

    @Activate
    void activate(CoreConfig config) {
        if (config.startup_replay_s() > 0) {
            startup = new StartupReplay(config.buffer_limit(), TimeUnit.SECONDS.toNanos(config.startup_replay_s()));
        }
        configure(config);
        synchronized (this) {
            early.forEach((identity, props) -> attach(earlySinks.get(identity), identity, props));
            early.clear();
            earlySinks.clear();
        }
    }

    @Modified
    void modified(CoreConfig config) {
        configure(config);
    }

    private synchronized void configure(CoreConfig newConfig) {
        this.config = newConfig;
        if (newConfig.startup_replay_s() == 0) {
            synchronized (replayLock) {
                startup = null; // turned off live: stop keeping signals for sinks still to come
            }
        }
        this.origin = newConfig.instance().isBlank() ? hostName() : newConfig.instance();
        if (statsTask != null) {
            statsTask.cancel(false);
        }
        long every = newConfig.stats_interval_s();
        statsTask = timer.scheduleAtFixedRate(this::publishStatus, every, every, TimeUnit.SECONDS);
        LOG.info("Delivery core configured: instance={}, buffer={}, batch={}, linger={} ms, counters every {} s",
                origin, newConfig.buffer_limit(), newConfig.batch_size(), newConfig.linger_ms(), every);
    }

    @Deactivate
    void deactivate() {
        if (frameworkStopping.getAsBoolean()) {
            for (SinkLane lane : lanesById.values()) {
                drain(lane);
            }
        }
        timer.shutdownNow();
        for (SinkLane lane : lanesById.values()) {
            int left = lane.backlog();
            if (left > 0) {
                LOG.warn("Stopping with {} signals not yet delivered to sink '{}'", left, lane.id());
            }
            lane.stop();
        }
        lanesById.clear();
        lanes = new SinkLane[0];
    }

    @Reference(service = Sink.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedSink", unbind = "unbindSink")
    synchronized void bindSink(Sink sink, Map<String, Object> props) {
        Object identity = props.get(Constants.SERVICE_ID);
        if (config == null) {
            early.put(identity, props);
            earlySinks.put(identity, sink);
            return;
        }
        attach(sink, identity, props);
    }

    synchronized void updatedSink(Sink sink, Map<String, Object> props) {
        SinkLane lane = laneOf(props.get(Constants.SERVICE_ID));
        if (lane != null) {
            LaneSettings settings = settingsOf(sink, props, lane.id());
            if (settings != null) {
                lane.applySettings(settings);
            }
        }
    }

    synchronized void unbindSink(Sink sink, Map<String, Object> props) {
        Object identity = props.get(Constants.SERVICE_ID);
        if (early.remove(identity) != null) {
            earlySinks.remove(identity);
            return;
        }
        SinkLane lane = laneOf(identity);
        if (lane != null && lane.isAttachedTo(identity) && frameworkStopping.getAsBoolean()) {
            drain(lane);
        }
        if (lane != null && lane.detach(identity)) {
            LOG.info("Sink '{}' went away; keeping its {} waiting signals for its return", lane.id(),
                    lane.backlog());
        }
    }

    /**
     * The agent is stopping cleanly: let the lane's sink write what is queued for it while it is still
     * there. All lanes share one deadline ({@code stop.drain.s} from the first drain), so a dead output
     * cannot hold the stop up once per sink.
     */
    private synchronized void drain(SinkLane lane) {
        if (!lane.isAttached() || lane.pending() == 0) {
            return;
        }
        if (drainDeadline == 0) {
            drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.stop_drain_s());
        }
        int before = lane.pending();
        try {
            if (lane.drain(drainDeadline)) {
                LOG.info("Stopping: sink '{}' wrote the {} signals queued for it", lane.id(), before);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean frameworkIsStopping() {
        Bundle own = FrameworkUtil.getBundle(SignalRouter.class);
        BundleContext context = own == null ? null : own.getBundleContext();
        Bundle framework = context == null ? null : context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        return framework != null && framework.getState() == Bundle.STOPPING;
    }

    private void attach(Sink sink, Object identity, Map<String, Object> props) {
        String id = laneId(props);
        LaneSettings settings = settingsOf(sink, props, id);
        if (settings == null) {
            return;
        }
        SinkLane lane = lanesById.get(id);
        if (lane != null && lane.isAttached()) {
            // Two live services claim one id (e.g. two registrations with one name): keep them apart.
            id = id + "#" + identity;
            lane = lanesById.get(id);
        }
        if (lane == null) {
            lane = new SinkLane(id, settings, timer);
            synchronized (replayLock) {
                lanesById.put(id, lane);
                refreshLanes();
                if (startup != null) {
                    startup.replayTo(lane);
                }
            }
        }
        lane.attach(sink, identity, settings);
        LOG.info("Sink '{}' ({}) attached: types={}, batch={}, buffer={}{}", settings.name(), id, settings.types(),
                settings.batchSize(), settings.bufferLimit(),
                lane.backlog() > 0 ? ", backlog " + lane.backlog() : "");
    }

    private LaneSettings settingsOf(Sink sink, Map<String, Object> props, String id) {
        try {
            return LaneSettings.of(sink, props, config);
        } catch (IllegalArgumentException e) {
            LOG.error("Sink '{}' is not served: {}", id, e.getMessage());
            return null;
        }
    }

    /** The configuration PID when there is one, so a lane survives reactivation and redeployment. */
    private static String laneId(Map<String, Object> props) {
        for (String key : new String[] {Constants.SERVICE_PID, "component.name", Sink.NAME}) {
            Object value = props.get(key);
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
            if (value instanceof String[] a && a.length > 0) {
                return a[0];
            }
        }
        return "service-" + props.get(Constants.SERVICE_ID);
    }

    private SinkLane laneOf(Object identity) {
        for (SinkLane lane : lanesById.values()) {
            if (lane.isAttachedTo(identity)) {
                return lane;
            }
        }
        return null;
    }

    private void refreshLanes() {
        lanes = lanesById.values().toArray(new SinkLane[0]);
    }

    @Override
    public void publish(Signal signal) {
        if (startup != null) {
            publishDuringStartup(signal);
            return;
        }
        route(signal);
    }

    /** While starting, a signal is kept for sinks still to come, and routed under the same lock as lanes are added. */
    private void publishDuringStartup(Signal signal) {
        synchronized (replayLock) {
            StartupReplay replay = startup;
            if (replay != null && replay.isOver()) {
                startup = replay = null;
            }
            if (replay != null) {
                replay.keep(signal);
            }
            route(signal);
        }
    }

    private void route(Signal signal) {
        String type = signal.type();
        for (SinkLane lane : lanes) {
            if (lane.accepts(type)) {
                lane.offer(signal);
            }
        }
    }

    @Override
    public List<SinkStatus> sinks() {
        List<SinkStatus> all = new ArrayList<>();
        for (SinkLane lane : lanesById.values()) {
            all.add(lane.status(origin));
        }
        all.sort(Comparator.comparing(SinkStatus::sinkId));
        return all;
    }

    /** Publishes the counters, and lets go of backlogs whose sink has been gone too long. */
    private void publishStatus() {
        try {
            dropOrphans();
            for (SinkStatus status : sinks()) {
                publish(status);
            }
        } catch (RuntimeException e) {
            LOG.error("Could not publish delivery counters", e);
        }
    }

    private synchronized void dropOrphans() {
        long limit = TimeUnit.SECONDS.toNanos(config.orphan_retention_s());
        lanesById.values().removeIf(lane -> {
            if (lane.detachedNanos() > limit) {
                LOG.warn("Sink '{}' has been gone for over {} s; dropping its {} waiting signals", lane.id(),
                        config.orphan_retention_s(), lane.backlog());
                lane.stop();
                return true;
            }
            return false;
        });
        refreshLanes();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "butler-sos";
        }
    }
}
