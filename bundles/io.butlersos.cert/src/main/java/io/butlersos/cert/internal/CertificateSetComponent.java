package io.butlersos.cert.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.butlersos.api.tls.TlsContextProvider;

/**
 * Registers one {@link TlsContextProvider} per certificate-set configuration, with the set's name as
 * the {@value TlsContextProvider#NAME} property (registered by hand, since that property is derived
 * from the configuration rather than copied). The service stays registered while the files are bad,
 * so clients report the set's own sentence. A changed configuration re-creates the set.
 */
@Component(configurationPid = CertificateSetConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = CertificateSetConfig.class, factory = true)
public final class CertificateSetComponent {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateSetComponent.class);

    private ScheduledExecutorService watcher;
    private ServiceRegistration<TlsContextProvider> registration;

    @Activate
    void activate(BundleContext context, CertificateSetConfig config) {
        CertificateSet set = new CertificateSet(config.name(), files(config), config.trust_system_cas(),
                Duration.ofDays(config.expiry_warning_days()), Clock.systemUTC());
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "butlersos-cert-" + config.name());
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
            try {
                if (!set.refresh()) {
                    set.checkExpiry();
                }
            } catch (RuntimeException e) {
                LOG.error("Certificate set '{}': checking the files failed: {}", config.name(), e.toString());
            }
        }, config.reload_check_s(), config.reload_check_s(), TimeUnit.SECONDS);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(TlsContextProvider.NAME, config.name());
        props.put(Constants.SERVICE_DESCRIPTION, "Certificate set " + config.name());
        registration = context.registerService(TlsContextProvider.class, set, props);
    }

    static LoadedSet.Files files(CertificateSetConfig config) {
        return new LoadedSet.Files(path(config.client_cert()), path(config.client_cert_key()),
                path(config.client_cert_ca()), config._client_cert_passphrase().toCharArray());
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.trim()).toAbsolutePath();
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
