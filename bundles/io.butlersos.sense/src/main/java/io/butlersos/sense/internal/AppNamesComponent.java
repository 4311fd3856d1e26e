package io.butlersos.sense.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sense.AppNameDirectory;
import io.butlersos.api.tls.TlsOptions;

/**
 * Offers the {@link AppNameDirectory} while app-name reading is configured; the first read is at start.
 * Health samples and the events bundle use it to turn app ids into names.
 */
@Component(configurationPid = AppNamesConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = AppNameDirectory.class)
@Designate(ocd = AppNamesConfig.class)
public final class AppNamesComponent implements AppNameDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(AppNamesComponent.class);

    @Reference
    SignalPublisher publisher;

    @Reference
    PollingRuntime runtime;

    private AppNameReader reader;
    private ScheduledFuture<?> schedule;

    @Activate
    void activate(AppNamesConfig config) {
        reader = new AppNameReader(runtime, publisher, new PollErrors(runtime.clock(), runtime.origin()),
                runtime.clock(), settings(config));
        schedule(config);
    }

    @Modified
    void modified(AppNamesConfig config) {
        reader.update(settings(config));
        schedule(config);
    }

    private synchronized void schedule(AppNamesConfig config) {
        if (schedule != null) {
            schedule.cancel(false);
        }
        schedule = runtime.timer().scheduleAtFixedRate(() -> {
            try {
                reader.refresh();
            } catch (RuntimeException e) {
                LOG.error("APP NAMES: unexpected failure", e);
            }
        }, 0, config.interval_ms(), TimeUnit.MILLISECONDS);
        LOG.info("APP NAMES: reading the app list from https://{}:{}/qrs/app every {} ms", config.host(), config.port(),
                config.interval_ms());
    }

    private static AppNameReader.Settings settings(AppNamesConfig config) {
        return new AppNameReader.Settings(ServerSettings.HostPort.parse(config.host(), config.port(), "host"),
                Duration.ofMillis(config.request_timeout_ms()), config.certificate_set(),
                new TlsOptions(config.verify_server(), config.verify_hostname()), config.qlik_user());
    }

    @Override
    public java.util.Optional<String> appName(String appId) {
        return reader.appName(appId);
    }

    @Override
    public java.util.Map<String, io.butlersos.api.sense.AppInfo> apps() {
        return reader.apps();
    }

    @Override
    public java.util.Optional<java.time.Instant> refreshedAt() {
        return reader.refreshedAt();
    }

    @Deactivate
    synchronized void deactivate() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
