package io.butlersos.sense.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sense.AppNameDirectory;

/**
 * One polled Sense server per factory configuration. A changed configuration applies at once, with no
 * restart: new intervals keep the schedule's phase, new hosts or certificates take effect at the next poll.
 */
@Component(configurationPid = SenseServerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = SenseServerConfig.class, factory = true)
public final class SenseServerComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SenseServerComponent.class);

    @Reference
    SignalPublisher publisher;

    @Reference
    PollingRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AppNameDirectory appNames;

    private ServerPoller poller;
    private java.util.function.Consumer<String> certificateSets;

    @Activate
    void activate(SenseServerConfig config) {
        ServerSettings settings = settings(config);
        poller = new ServerPoller(runtime.timer(), runtime, runtime.connectionGate(), runtime.startPacer(), publisher,
                () -> appNames, new PollErrors(runtime.clock(), runtime.origin()), runtime.clock());
        certificateSets = poller::certificateSetAvailable;
        runtime.onCertificateSet(certificateSets);
        if (settings != null) {
            poller.start(settings);
            LOG.info("Polling Sense server '{}': health https://{}/engine/healthcheck every {} ms{}",
                    settings.serverName(), settings.engine().authority(), settings.healthInterval().toMillis(),
                    settings.sessionsEnabled() ? ", sessions of " + settings.virtualProxies() + " on "
                            + settings.proxy().authority() + " every " + settings.sessionsInterval().toMillis() + " ms"
                            : "");
            if (!settings.tls().verifyServer()) {
                LOG.warn("Sense server '{}': server certificate verification is OFF; any server can pose as it",
                        settings.serverName());
            } else if (!settings.tls().verifyHostname()) {
                LOG.warn("Sense server '{}': host-name verification is OFF", settings.serverName());
            }
        }
    }

    @Modified
    void modified(SenseServerConfig config) {
        ServerSettings settings = settings(config);
        if (settings == null) {
            poller.stop();
            return;
        }
        poller.reconfigure(settings);
        LOG.info("Sense server '{}' reconfigured: health every {} ms, sessions every {} ms",
                settings.serverName(), settings.healthInterval().toMillis(), settings.sessionsInterval().toMillis());
    }

    /** The checked settings, or null (and an error naming the attribute) when the configuration is bad. */
    private static ServerSettings settings(SenseServerConfig config) {
        try {
            return ServerSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Sense server configuration '{}' refused: {}; this server is not polled until it is fixed",
                    config.server_name(), e.getMessage());
            return null;
        }
    }

    @Deactivate
    void deactivate() {
        runtime.removeCertificateSetListener(certificateSets);
        if (poller != null) {
            poller.stop();
        }
    }
}
