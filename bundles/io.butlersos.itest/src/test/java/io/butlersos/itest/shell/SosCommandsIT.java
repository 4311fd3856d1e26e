package io.butlersos.itest.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.EngineMemory;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySession;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The sos: Gogo commands in Felix, called the way the shell calls them: found by their
 * osgi.command.* service properties, the function invoked by name, the returned text printed.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class SosCommandsIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    ConfigurationAdmin admin;

    /** Runs sos:<function> as Gogo would, and returns what it prints. */
    private String run(String function) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(osgi.command.scope=sos)");
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object functions = ref.getProperty("osgi.command.function");
            List<String> names = functions instanceof String[] array ? List.of(array) : List.of(String.valueOf(functions));
            if (names.contains(function)) {
                Object commands = context.getService(ref);
                try {
                    Method method = commands.getClass().getMethod(function);
                    return String.valueOf(method.invoke(commands));
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        throw new AssertionError("no service offers sos:" + function);
    }

    private static HealthSample health(String server, double freeMb, boolean saturated) {
        return new HealthSample(Instant.now(), server, Map.of("server_name", server), "https://" + server + ":4747/engine/healthcheck",
                "12.1306.3", null, null, new EngineMemory(1000.0, 800.0, freeMb), 12.0, new ActiveTotal(3L, 5L),
                new ActiveTotal(2L, 4L), null, null, saturated);
    }

    @Test
    void serversShowsTheNewestHealthSampleAndSessionsOfEachServer() throws Exception {
        CoreSettings.fast(admin);
        publisher.publish(health("itest-sense1", 1000.0, false));
        publisher.publish(health("itest-sense1", 4321.5, true)); // the newer one wins
        publisher.publish(new ProxySessions(Instant.now(), "itest-sense1", Map.of(), "/", "itest-sense1:4243",
                List.of(new ProxySession("LAB", "goran", "s1", List.of(), false), new ProxySession("LAB", "anna", "s2", List.of(), false))));

        Await.until("sos:servers lists itest-sense1 with the newest sample", () -> {
            try {
                String text = run("servers");
                return text.contains("itest-sense1") && text.contains("4321.5") && text.contains("/ 2");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String text = run("servers");
        assertTrue(text.lines().anyMatch(l -> l.startsWith("itest-sense1") && l.contains("YES") && l.contains("3/5")), text);
    }

    @Test
    void sinksListsEverySinkWithItsDeliveryCounters() throws Exception {
        CoreSettings.fast(admin);
        publisher.publish(health("itest-sense2", 500.0, false));
        Await.until("sos:sinks shows the shell's own sink with a delivery", () -> {
            try {
                // SINK ID ATTACHED DELIVERED ...: the shell's sink is attached and has delivered something
                return run("sinks").lines().map(l -> l.split("\\s+"))
                        .anyMatch(c -> c[0].equals("shell-status") && c[2].equals("yes") && Long.parseLong(c[3]) > 0);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String text = run("sinks");
        assertTrue(text.startsWith("SINK"), text);
        assertTrue(text.contains("DELIVERED") && text.contains("QUEUE"), text);
    }

    @Test
    void statusSumsUpServersSinksAndTheErrorsOfTheDay() throws Exception {
        CoreSettings.fast(admin);
        publisher.publish(health("itest-sense3", 800.0, false));
        publisher.publish(new ErrorSignal(Instant.now(), "itest", "ITEST_SHELL", "itest-sense3", "ITEST", ErrorCategory.TIMEOUT,
                "timed out", "", 0, Map.of()));
        Await.until("sos:status counts the ITEST_SHELL error", () -> {
            try {
                return run("status").contains("ITEST_SHELL itest-sense3 timeout: 1");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String text = run("status");
        assertTrue(text.startsWith("Butler SOS for Java, up "), text);
        assertTrue(text.matches("(?s).*Sense servers: \\d+ seen, \\d+ with health data.*"), text);
        assertTrue(text.matches("(?s).*Sinks: \\d+ \\(\\d+ detached\\), delivered \\d+, dropped \\d+, waiting \\d+.*"), text);
    }
}
