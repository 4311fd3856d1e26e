package io.butlersos.sink.mqtt.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.tls.TlsContextProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
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
 * One MQTT broker per factory configuration. The component registers the {@link Sink} service itself,
 * so exactly the delivery properties below are published: name, signal types, batch, linger and buffer
 * only when the operator set them, and never the password. The certificate set is looked up by name at
 * every connection attempt, so it may appear after the sink and a renewed set is used on reconnect.
 * A changed configuration restarts the component; the core keeps the backlog under the PID.
 */
@Component(configurationPid = MqttConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = MqttConfig.class, factory = true)
public final class MqttSinkComponent {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSinkComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SignalPublisher publisher;

    private volatile BundleContext context; // read by the connecting thread
    private MqttSink sink;
    private ServiceRegistration<Sink> registration;

    @Activate
    void activate(BundleContext context, MqttConfig config, Map<String, Object> properties) {
        this.context = context;
        try {
            sink = MqttSinks.create(config, this::certificateSet, () -> publisher, hostName());
        } catch (IllegalArgumentException e) {
            // A bad configuration names its key; the rest of the agent keeps running.
            LOG.error("MQTT sink '{}' ({}) is not started: {}", config.butlersos_sink_name(),
                    properties.get(Constants.SERVICE_PID), e.getMessage());
            return;
        }
        sink.start();
        registration = context.registerService(Sink.class, sink, serviceProperties(config, properties));
        LOG.info("MQTT sink '{}' publishes to {} ({} layout)", config.butlersos_sink_name(), sink.target(),
                config.layout());
    }

    static Hashtable<String, Object> serviceProperties(MqttConfig config, Map<String, Object> properties) {
        Hashtable<String, Object> props = new Hashtable<>();
        Object pid = properties.get(Constants.SERVICE_PID);
        if (pid != null) {
            // The core keys its queue by PID, so the backlog survives a reconfiguration.
            props.put(Constants.SERVICE_PID, pid);
        }
        props.put(Sink.NAME, config.butlersos_sink_name());
        props.put(Sink.SIGNAL_TYPES, ConfigLists.of(config.butlersos_sink_signal_types()).toArray(new String[0]));
        if (config.butlersos_sink_batch_size() > 0) {
            props.put(Sink.BATCH_SIZE, config.butlersos_sink_batch_size());
        }
        if (config.butlersos_sink_linger_ms() > 0) {
            props.put(Sink.LINGER_MS, config.butlersos_sink_linger_ms());
        }
        if (config.butlersos_sink_buffer_limit() > 0) {
            props.put(Sink.BUFFER_LIMIT, config.butlersos_sink_buffer_limit());
        }
        // The sink's own publish timeout ends a write first; the core's deadline is the backstop.
        props.put(Sink.WRITE_TIMEOUT_MS, config.publish_timeout_ms() + 5_000);
        return props;
    }

    private Optional<TlsContextProvider> certificateSet(String name) {
        BundleContext bc = context;
        if (bc == null) {
            return Optional.empty();
        }
        try {
            Collection<ServiceReference<TlsContextProvider>> refs = bc.getServiceReferences(TlsContextProvider.class,
                    "(" + TlsContextProvider.NAME + "=" + escape(name) + ")");
            for (ServiceReference<TlsContextProvider> ref : refs) {
                TlsContextProvider provider = bc.getService(ref);
                if (provider != null) {
                    // The provider is used at once to build a context; the reference need not be held.
                    bc.ungetService(ref);
                    return Optional.of(provider);
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            LOG.debug("certificate set lookup failed: {}", e.toString());
        }
        return Optional.empty();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
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
        context = null;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "butler-sos";
        }
    }
}
