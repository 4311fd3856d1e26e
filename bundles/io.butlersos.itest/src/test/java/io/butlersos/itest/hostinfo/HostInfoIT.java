package io.butlersos.itest.hostinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.hostinfo.HostFacts;
import io.butlersos.api.hostinfo.HostInfo;
import io.butlersos.api.sink.Sink;
import io.butlersos.itest.Await;
import io.butlersos.itest.Metatypes;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.RecordingSink;
import io.butlersos.itest.TestSignal;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Host info is optional: it serves facts while it runs, it is the only bundle wired to OSHI, and
 * uninstalling it at run time leaves every other part of the agent running. The uninstall comes last
 * and the bundle is installed again afterwards.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
@TestMethodOrder(OrderAnnotation.class)
class HostInfoIT {

    private static final String HOSTINFO = "io.butlersos.hostinfo";

    @InjectBundleContext
    BundleContext context;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    MetaTypeService metatype;

    @Test
    @Order(1)
    void servesFactsAndPublishesHostInfoSignals() throws Exception {
        CoreSettings.fast(admin);
        HostInfo hostInfo = Await.value("the HostInfo service", () -> service(HostInfo.class));
        HostFacts facts = hostInfo.facts();
        assertEquals(Runtime.getRuntime().availableProcessors(), facts.cpuLogicalCores());
        assertTrue(facts.memoryTotalBytes() > 0, "total memory from OSHI");
        assertTrue(facts.hostName().length() > 0, "host name from OSHI");

        RecordingSink sink = new RecordingSink();
        ServiceRegistration<Sink> registration = sink.register(context, "itest-hostinfo", HostFacts.TYPE);
        Configuration config = admin.getConfiguration("io.butlersos.hostinfo", "?");
        try {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("instance.tag", "ITEST");
            config.update(props); // a new configuration publishes at once
            Await.until("a host.info signal tagged ITEST", () -> {
                synchronized (sink.written) {
                    return sink.written.stream().anyMatch(s -> s instanceof HostFacts h
                            && "ITEST".equals(h.tags().get("butler_sos_instance")));
                }
            });
        } finally {
            registration.unregister();
            config.delete();
        }
    }

    @Test
    @Order(2)
    void onlyTheHostInfoBundleIsWiredToOshi() {
        assertNotNull(bundle(HOSTINFO), "the host-info bundle runs");
        assertEquals(Set.of(HOSTINFO), OshiWiring.bundlesWiredToOshi(context));
    }

    @Test
    @Order(3)
    void uninstallingHostInfoLeavesTheRestRunning() throws Exception {
        CoreSettings.fast(admin);
        Bundle hostinfo = bundle(HOSTINFO);
        String location = hostinfo.getLocation();
        RecordingSink sink = new RecordingSink();
        ServiceRegistration<Sink> registration = sink.register(context, "itest-after-hostinfo",
                "itest.after-hostinfo," + AgentStats.TYPE);
        Configuration uptime = admin.getConfiguration("io.butlersos.agent.uptime", "?");
        try {
            hostinfo.uninstall();
            refresh(hostinfo);

            assertNull(bundle(HOSTINFO), "host info is gone");
            assertNull(context.getServiceReference(HostInfo.class), "no HostInfo service without the bundle");
            assertEquals(Set.of(), OshiWiring.bundlesWiredToOshi(context), "no bundle can load OSHI classes");
            for (String name : List.of("io.butlersos.core", "io.butlersos.agent")) {
                assertEquals(Bundle.ACTIVE, bundle(name).getState(), name + " still active");
            }

            publisher.publish(new TestSignal("itest.after-hostinfo", 1));
            Await.until("a signal delivered after host info left", () -> sink.calls.get() > 0
                    && sink.written.stream().anyMatch(s -> s instanceof TestSignal));

            Hashtable<String, Object> props = new Hashtable<>();
            props.put("interval.s", 1L);
            props.put("instance.tag", "NO-HOSTINFO");
            uptime.update(props);
            Await.until("agent.stats still published", () -> {
                synchronized (sink.written) {
                    return sink.written.stream().anyMatch(s -> s instanceof AgentStats a
                            && a.origin().equals("NO-HOSTINFO"));
                }
            });
        } finally {
            registration.unregister();
            uptime.delete();
            reinstall(location);
        }
    }

    private void refresh(Bundle removed) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(removed), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue(done.await(30, TimeUnit.SECONDS), "framework refresh after uninstall");
    }

    /**
     * Puts host info back for whatever runs next in this framework, and waits until it is fully back as
     * it was before: the bundle active, its service registered and its metatype readable (tests after
     * this one check configurations against the metatype of every bundle).
     */
    private void reinstall(String location) throws IOException, BundleException, InterruptedException {
        Bundle installed;
        // Through the framework's own context: the injected one belongs to the test extension, which
        // uninstalls every bundle installed through it when the test ends, so host info would be gone
        // again for the next test class (MappingMatchesMetatypeIT found no bundle declaring its PID).
        BundleContext framework = context.getBundle(0).getBundleContext();
        try (InputStream in = open(location)) {
            installed = framework.installBundle(location, in);
        }
        installed.start();
        Await.until("host info reinstalled: bundle active, HostInfo service and metatype of " + HOSTINFO,
                Duration.ofSeconds(60),
                () -> installed.getState() == Bundle.ACTIVE && context.getServiceReference(HostInfo.class) != null
                        && Metatypes.attributes(context, metatype, HOSTINFO) != null,
                () -> "bundle state " + installed.getState() + ", HostInfo service "
                        + (context.getServiceReference(HostInfo.class) != null) + ", metatype "
                        + Metatypes.attributes(context, metatype, HOSTINFO));
    }

    private static InputStream open(String location) throws IOException {
        String path = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        try {
            return new URL(path).openStream();
        } catch (MalformedURLException notAUrl) {
            return Files.newInputStream(new File(path).toPath());
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        return ref == null ? null : context.getService(ref);
    }
}
