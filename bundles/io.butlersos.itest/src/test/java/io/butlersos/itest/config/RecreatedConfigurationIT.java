package io.butlersos.itest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.butlersos.itest.ActiveComponents;
import io.butlersos.itest.Await;
import io.butlersos.itest.UdpPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A configuration deleted and created again under the same PID while Config Admin's event thread is
 * behind (a busy machine) must reach its component. Felix SCR, handling the deletion after the new
 * configuration exists, takes the new one for the old (same change count) and keeps the component on
 * the deleted settings; the configuration bundle's guard lifts the new one's count so SCR applies it.
 * The event thread is held back here on purpose, so the order that made UdpEventsIT fail now and then
 * happens every time.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class RecreatedConfigurationIT {

    private static final String LOG_PID = "io.butlersos.events.log";
    private static final String GATE_PID = "io.butlersos.itest.gate";
    private static final String GUARD = "io.butlersos.config.internal.recreate.RecreatedConfigurationGuard";
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    ServiceComponentRuntime scr;

    @AfterEach
    void tearDown() throws Exception {
        for (String pid : new String[] {LOG_PID, GATE_PID}) {
            Configuration[] left = admin.listConfigurations("(service.pid=" + pid + ")");
            if (left != null) {
                for (Configuration c : left) {
                    c.delete();
                }
            }
        }
        Await.until("the log receiver gone", WITHIN, () -> !ActiveComponents.active(scr, LOG_PID),
                () -> ActiveComponents.describe(scr, LOG_PID));
        setGuard(true);
    }

    @Test
    void aConfigurationRecreatedWhileConfigAdminIsBehindReachesItsComponent() throws Exception {
        int first = UdpPorts.free();
        int second = UdpPorts.free();
        configureLog(first);
        awaitPort(first);

        recreateWhileEventsAreHeldBack(second);

        awaitPort(second);
        Await.until("the receiver listening on " + second, WITHIN, () -> UdpPorts.bound(second),
                () -> ActiveComponents.describe(scr, LOG_PID));
    }

    /** Shows the cause: without the guard, DS keeps the deleted settings. */
    @Test
    void withoutTheGuardTheComponentKeepsTheDeletedSettings() throws Exception {
        setGuard(false);
        int first = UdpPorts.free();
        int second = UdpPorts.free();
        configureLog(first);
        awaitPort(first);

        recreateWhileEventsAreHeldBack(second);

        // Every event is handled once a configuration event posted after them has arrived.
        awaitEventsHandled();
        assertEquals(first, ((Number) ActiveComponents.property(scr, LOG_PID, "port")).intValue(),
                "Felix SCR kept the deleted configuration: " + ActiveComponents.describe(scr, LOG_PID));
        assertEquals(second, ((Number) admin.getConfiguration(LOG_PID, "?").getProperties().get("port")).intValue(),
                "while Config Admin holds the new one");
    }

    /** Holds Config Admin's event thread on a gate, deletes and re-creates the log receiver's configuration, lets go. */
    private void recreateWhileEventsAreHeldBack(int port) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServiceRegistration<ConfigurationListener> gate = context.registerService(ConfigurationListener.class, event -> {
            if (GATE_PID.equals(event.getPid())) {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, null);
        try {
            Configuration gateConfig = admin.getConfiguration(GATE_PID, "?");
            gateConfig.update(new Hashtable<>(java.util.Map.of("at", System.nanoTime())));
            assertTrue(held.await(30, TimeUnit.SECONDS), "Config Admin's event thread reached the gate");
            admin.getConfiguration(LOG_PID, "?").delete();
            configureLog(port);
        } finally {
            release.countDown();
            gate.unregister();
        }
    }

    private void awaitEventsHandled() throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        String marker = GATE_PID + ".marker";
        ServiceRegistration<ConfigurationListener> listener = context.registerService(ConfigurationListener.class,
                event -> {
                    if (marker.equals(event.getPid())) {
                        seen.countDown();
                    }
                }, null);
        try {
            Configuration c = admin.getConfiguration(marker, "?");
            c.update(new Hashtable<>(java.util.Map.of("at", System.nanoTime())));
            assertTrue(seen.await(30, TimeUnit.SECONDS), "Config Admin delivered the marker event");
            c.delete();
        } finally {
            listener.unregister();
        }
    }

    private void configureLog(int port) throws Exception {
        Configuration c = admin.getConfiguration(LOG_PID, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("source.qix.perf", false);
        c.update(props);
    }

    private void awaitPort(int port) throws InterruptedException {
        Await.until("the log receiver configured with port " + port, WITHIN, () -> {
            Object p = ActiveComponents.property(scr, LOG_PID, "port");
            return p instanceof Number n && n.intValue() == port;
        }, () -> ActiveComponents.describe(scr, LOG_PID) + ", port " + ActiveComponents.property(scr, LOG_PID, "port"));
    }

    private void setGuard(boolean enabled) throws Exception {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (GUARD.equals(d.name)) {
                (enabled ? scr.enableComponent(d) : scr.disableComponent(d)).getValue();
                return;
            }
        }
        throw new AssertionError("no component " + GUARD);
    }


}
