package io.butlersos.core.internal;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.butlersos.api.sink.DeliveryMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Prints one line once the framework has started: version, config folder, deploy folder and the
 * outputs, so an operator sees at a glance what is running and where it writes.
 */
@Component(immediate = true)
public final class StartupBanner implements FrameworkListener {

    /** Felix FileInstall's factory PID; its configurations name the extra watched folders. */
    private static final String FILEINSTALL_FACTORY = "org.apache.felix.fileinstall";
    // Long enough for FileInstall to hand the configured outputs to DS, so the line lists them.
    private static final long SETTLE_MS = 3_000;

    @Reference
    private DeliveryMonitor monitor;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configAdmin;

    private BundleContext context;
    private ScheduledExecutorService timer;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "butlersos-banner");
            t.setDaemon(true);
            return t;
        });
        if (bundleContext.getBundle(0).getState() == Bundle.ACTIVE) {
            timer.schedule(this::print, SETTLE_MS, TimeUnit.MILLISECONDS);
        } else {
            bundleContext.addFrameworkListener(this);
        }
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
        timer.shutdownNow();
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED) {
            context.removeFrameworkListener(this);
            timer.schedule(this::print, SETTLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void print() {
        String configDir = context.getProperty("felix.fileinstall.dir");
        List<String> watched = watchedFolders();
        watched.remove(configDir);
        String outputs = monitor.sinks().stream()
                .map(s -> s.sinkName() + (s.target().isEmpty() ? "" : " -> " + s.target()))
                .collect(Collectors.joining(", "));
        System.out.println("Butler SOS for Java " + context.getBundle().getVersion()
                + " | config: " + absolute(configDir)
                + " | deploy: " + (watched.isEmpty() ? "(none)" : watched.stream().map(StartupBanner::absolute)
                        .collect(Collectors.joining(", ")))
                + " | outputs: " + (outputs.isEmpty() ? "(none)" : outputs));
    }

    private List<String> watchedFolders() {
        List<String> folders = new ArrayList<>();
        ConfigurationAdmin admin = configAdmin;
        if (admin == null) {
            return folders;
        }
        try {
            Configuration[] configs = admin.listConfigurations("(service.factoryPid=" + FILEINSTALL_FACTORY + ")");
            if (configs != null) {
                for (Configuration c : configs) {
                    Object dir = c.getProperties() == null ? null : c.getProperties().get("felix.fileinstall.dir");
                    if (dir != null) {
                        folders.add(dir.toString());
                    }
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            folders.add("(unknown: " + e.getMessage() + ")");
        }
        return folders;
    }

    private static String absolute(String path) {
        if (path == null) {
            return "(none)";
        }
        try {
            return new File(path).getCanonicalPath();
        } catch (IOException e) {
            return new File(path).getAbsolutePath();
        }
    }
}
