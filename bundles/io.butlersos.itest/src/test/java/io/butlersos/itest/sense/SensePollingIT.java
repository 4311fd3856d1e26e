package io.butlersos.itest.sense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.tls.TlsContextProvider;
import io.butlersos.itest.ActiveComponents;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.RecordingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Sense polling in a real framework: the simulator, the certificate sets and the pollers are all
 * configured through Config Admin, and what they publish reaches a sink through the delivery core.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class SensePollingIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    ServiceComponentRuntime scr;

    SenseRig rig;
    RecordingSink sink;
    ServiceRegistration<Sink> registration;
    Path folder;

    @BeforeEach
    void setUp() throws Exception {
        CoreSettings.fast(admin);
        rig = new SenseRig(admin);
        sink = new RecordingSink();
        registration = sink.register(context, "sense-itest", "*");
        folder = Files.createTempDirectory("sense-itest");
    }

    @AfterEach
    void tearDown() throws Exception {
        rig.close();
        registration.unregister();
    }

    private List<HealthSample> health(String server) {
        synchronized (sink.written) {
            return sink.written.stream().filter(s -> s instanceof HealthSample h && h.origin().equals(server))
                    .map(HealthSample.class::cast).toList();
        }
    }

    private List<ErrorSignal> errors(String server) {
        synchronized (sink.written) {
            return sink.written.stream().filter(s -> s instanceof ErrorSignal e && e.serverName().equals(server))
                    .map(ErrorSignal.class::cast).toList();
        }
    }

    private boolean hasSessions(String server) {
        synchronized (sink.written) {
            return sink.written.stream().anyMatch(s -> s instanceof ProxySessions p && p.origin().equals(server));
        }
    }

    @Test
    void samplesOfTwoServersArriveWithinTwoSecondsOfStart() throws Exception {
        Path export = folder.resolve("export");
        SenseRig.Node one = rig.simulator("two-a", export);
        SenseRig.Node two = rig.simulator("two-b", export);
        rig.certificateSet("default", export);
        // The certificate set registers before the clock of the assertion starts.
        Await.until("certificate set 'default' registered", () -> {
            try {
                return !context.getServiceReferences(TlsContextProvider.class,
                        "(" + TlsContextProvider.NAME + "=default)").isEmpty();
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });

        rig.senseServer("two-a", one);
        rig.senseServer("two-b", two);

        Await.until("health and sessions of both servers", Duration.ofSeconds(2),
                () -> !health("two-a").isEmpty() && !health("two-b").isEmpty()
                        && hasSessions("two-a") && hasSessions("two-b"));
        assertTrue(errors("two-a").isEmpty(), () -> "unexpected errors: " + errors("two-a"));
        assertEquals("127.0.0.1", health("two-a").get(0).tags().get("host"));
    }

    @Test
    void whenOneServerStopsTheOtherIsStillPolledOnTimeAndTheDeadOneIsNamed() throws Exception {
        Path export = folder.resolve("export");
        SenseRig.Node stays = rig.simulator("stays", export);
        SenseRig.Node goes = rig.simulator("goes", export);
        rig.certificateSet("default", export);
        rig.senseServer("stays", stays, "health.interval.ms", 1000L, "sessions.enabled", false);
        rig.senseServer("goes", goes, "health.interval.ms", 1000L, "sessions.enabled", false);
        Await.until("first samples", () -> !health("stays").isEmpty() && !health("goes").isEmpty());

        goes.config().delete(); // the simulated node stops

        Await.until("an error naming the stopped server", () -> !errors("goes").isEmpty());
        ErrorSignal error = errors("goes").get(0);
        assertEquals("HEALTH_API", error.errorType());
        assertEquals(ErrorCategory.CONNECTION_REFUSED, error.category());
        int before = health("stays").size();
        Await.until("three more polls of the server that stayed, one a second", Duration.ofSeconds(5),
                () -> health("stays").size() >= before + 3);
        assertTrue(errors("stays").isEmpty());
    }

    @Test
    void aNewPollingIntervalInConfigAdminTakesEffectWithoutARestart() throws Exception {
        Path export = folder.resolve("export");
        SenseRig.Node node = rig.simulator("tuned", export);
        rig.certificateSet("default", export);
        Configuration server = rig.senseServer("tuned", node, "health.interval.ms", 600_000L, "sessions.enabled", false);
        Await.until("the first poll at start", () -> health("tuned").size() == 1);

        server.update(SenseRig.serverProperties("tuned", node, "health.interval.ms", 200L, "sessions.enabled", false));

        Await.until("polls every 200 ms", Duration.ofSeconds(5), () -> health("tuned").size() >= 5);
    }

    @Test
    void aWrongClientCertificateGivesAClearErrorAndNoCrash() throws Exception {
        Path export = folder.resolve("export");
        Path otherSite = folder.resolve("other-site");
        SenseRig.Node node = rig.simulator("guarded", export);
        rig.simulator("elsewhere", otherSite); // another Sense site: another CA, another client certificate
        rig.certificateSet("default", export);
        rig.certificateSet("other-site", otherSite);

        rig.senseServer("guarded", node, "certificate.set", "other-site", "health.interval.ms", 300L,
                "sessions.enabled", false);
        rig.senseServer("fine", node, "health.interval.ms", 300L, "sessions.enabled", false);

        Await.until("an error for the server polled with the wrong certificate", () -> !errors("guarded").isEmpty());
        ErrorSignal error = errors("guarded").get(0);
        assertEquals(ErrorCategory.CERTIFICATE_ERROR, error.category());
        assertTrue(error.message().contains("TLS handshake failed"), error.message());
        int before = health("fine").size();
        Await.until("the same node polled with the right certificate keeps working",
                () -> health("fine").size() >= before + 2);
        assertTrue(health("guarded").isEmpty());
    }

    @Test
    void theSharedConnectionLimitAndStartRateComeFromConfigAdminAndNewConnectionsTakeTurns() throws Exception {
        Configuration polling = admin.getConfiguration("io.butlersos.sense.polling", "?");
        try {
            Hashtable<String, Object> one = new Hashtable<>();
            one.put("connect.concurrency", 1);
            one.put("start.rate", 4);
            polling.update(one);
            Await.until("the runtime configured with one new connection at a time and 4 server starts a second",
                    () -> Integer.valueOf(1).equals(ActiveComponents.property(scr, "io.butlersos.sense.polling",
                        "connect.concurrency")) && Integer.valueOf(4).equals(ActiveComponents.property(scr,
                        "io.butlersos.sense.polling", "start.rate")));

            Path export = folder.resolve("export");
            SenseRig.Node a = rig.simulator("turn-a", export);
            SenseRig.Node b = rig.simulator("turn-b", export);
            rig.certificateSet("default", export);
            rig.senseServer("turn-a", a);
            rig.senseServer("turn-b", b);

            Await.until("health and sessions of both servers, one new connection at a time",
                    () -> !health("turn-a").isEmpty() && !health("turn-b").isEmpty()
                            && hasSessions("turn-a") && hasSessions("turn-b"));
            assertTrue(errors("turn-a").isEmpty() && errors("turn-b").isEmpty(),
                    () -> "unexpected errors: " + errors("turn-a") + errors("turn-b"));
        } finally {
            polling.delete();
        }
        Await.until("the default limit and start rate back once the configuration is gone",
                () -> Integer.valueOf(32).equals(ActiveComponents.property(scr, "io.butlersos.sense.polling",
                        "connect.concurrency")) && Integer.valueOf(25).equals(ActiveComponents.property(scr,
                        "io.butlersos.sense.polling", "start.rate")));
    }

    @SuppressWarnings("unused")
    private static boolean isSense(Signal s) {
        return s.type().startsWith("sense.");
    }
}
