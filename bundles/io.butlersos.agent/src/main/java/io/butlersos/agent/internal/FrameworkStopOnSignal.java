package io.butlersos.agent.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the OSGi framework when the JVM is asked to end (SIGTERM from systemd or {@code docker stop}, Ctrl-C,
 * {@code System.exit}). Neither bnd's launcher (its only shutdown hook deletes a temp folder) nor Felix stops the
 * framework then, so without this hook no component is deactivated: no last flush of the delivery core, no MQTT
 * offline message, no sockets closed. The hook stops the system bundle and waits, at most {@link #MAX_WAIT_MS},
 * for every bundle to stop; the JVM then ends with the code it was ending with (143 after SIGTERM).
 *
 * <p>While the JVM runs its hooks, bnd's launcher sees the framework stop and calls {@code System.exit} from its
 * own thread; that call blocks until the JVM halts, so it neither deadlocks the hook nor changes the exit code.
 */
@Component(immediate = true, service = {}, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class FrameworkStopOnSignal {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkStopOnSignal.class);

    /** The longest the JVM waits for the bundles to stop; a hung component must not keep a stopped service alive. */
    static final long MAX_WAIT_MS = 20_000;

    /** Printed (to standard error, as logging is stopped by then) once the framework has stopped. */
    static final String STOPPED = "Butler SOS for Java: OSGi framework stopped";

    private Thread hook;

    @Activate
    void activate(BundleContext context) {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        hook = new Thread(() -> stop(system), "butlersos-framework-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The registered hook, for tests. */
    Thread hook() {
        return hook;
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: this deactivation is the hook's own framework stop at work.
        }
    }

    private static void stop(Bundle system) {
        if (system.getState() != Bundle.ACTIVE && system.getState() != Bundle.STARTING) {
            return; // already stopping or stopped, e.g. after the launcher's own exit path
        }
        LOG.info("JVM shutting down: stopping the OSGi framework (waiting at most {} s for the bundles)",
                MAX_WAIT_MS / 1000);
        long start = System.nanoTime();
        try {
            system.stop();
            String outcome = waitForStop(system);
            System.err.printf("%s %s in %d ms%n", STOPPED, outcome, (System.nanoTime() - start) / 1_000_000);
        } catch (BundleException | RuntimeException e) {
            System.err.println("Butler SOS for Java: stopping the OSGi framework failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String waitForStop(Bundle system) throws InterruptedException {
        if (system instanceof Framework framework) {
            FrameworkEvent event = framework.waitForStop(MAX_WAIT_MS);
            return event.getType() == FrameworkEvent.WAIT_TIMEDOUT ? "only partly (gave up waiting)" : "cleanly";
        }
        // Not a launch.Framework (should not happen with Felix): poll its state with the same bound.
        long end = System.nanoTime() + MAX_WAIT_MS * 1_000_000;
        while (system.getState() != Bundle.RESOLVED && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return system.getState() == Bundle.RESOLVED ? "cleanly" : "only partly (gave up waiting)";
    }
}
