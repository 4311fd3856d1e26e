package io.butlersos.sink.influxdb.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Hashtable;
import java.util.Map;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sink.Sink;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One InfluxDB target per factory configuration. The component registers the {@link Sink} service
 * itself, so that exactly the delivery properties below are published: the sink's own batch size
 * (5000 by default, from {@link InfluxConfig}), linger and buffer only when the operator set them, and
 * never a secret. A changed configuration restarts the component; the core keeps the backlog by PID.
 */
@Component(configurationPid = InfluxConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = InfluxConfig.class, factory = true)
public final class InfluxSinkComponent {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SignalPublisher publisher;

    private InfluxSink sink;
    private ServiceRegistration<Sink> registration;

    @Activate
    void activate(BundleContext context, InfluxConfig config, Map<String, Object> properties) {
        try {
            sink = new InfluxSink(config, () -> publisher, hostName());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A bad configuration names its key; the rest of the agent keeps running.
            LOG.error("InfluxDB sink '{}' ({}) is not started: {}", config.name(), properties.get(Constants.SERVICE_PID),
                    e.getMessage());
            return;
        }
        registration = context.registerService(Sink.class, sink, serviceProperties(config, properties, sink));
        LOG.info("InfluxDB sink '{}' writes to {} (version {})", config.name(), sink.target(), config.version());
    }

    static Hashtable<String, Object> serviceProperties(InfluxConfig config, Map<String, Object> properties,
            InfluxSink sink) {
        Hashtable<String, Object> props = new Hashtable<>();
        Object pid = properties.get(Constants.SERVICE_PID);
        if (pid != null) {
            // The core keys its queue by PID, so the backlog survives a reconfiguration.
            props.put(Constants.SERVICE_PID, pid);
        }
        props.put(Sink.NAME, config.name());
        props.put(Sink.SIGNAL_TYPES, config.signal_types());
        props.put(Sink.BATCH_SIZE, config.batch_size());
        if (config.linger_ms() > 0) {
            props.put(Sink.LINGER_MS, config.linger_ms());
        }
        if (config.buffer_limit() > 0) {
            props.put(Sink.BUFFER_LIMIT, config.buffer_limit());
        }
        // The core's deadline covers the bootstrap queries and the write; each HTTP request has its own.
        props.put(Sink.WRITE_TIMEOUT_MS, config.write_timeout_ms() * 4);
        return props;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "butler-sos";
        }
    }
}
