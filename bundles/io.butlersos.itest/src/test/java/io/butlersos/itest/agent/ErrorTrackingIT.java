package io.butlersos.itest.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.agent.health.ErrorCounts;
import io.butlersos.api.agent.health.ErrorSummary.ErrorCount;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkException;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The agent bundle in Felix: the error tracker sees every component's errors through the core; stats flow. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class ErrorTrackingIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    ErrorCounts errorCounts;

    private static ErrorSignal error(String type, String server) {
        return new ErrorSignal(Instant.now(), "itest", type, server, "ITEST", ErrorCategory.TIMEOUT,
                "timed out", "", 0, Map.of());
    }

    private long count(String type) {
        return errorCounts.today().counts().stream().filter(c -> c.errorType().equals(type))
                .mapToLong(ErrorCount::count).sum();
    }

    @Test
    void countsErrorsPublishedByAnyComponent() throws Exception {
        CoreSettings.fast(admin);
        publisher.publish(error("ITEST_HEALTH", "sense-a"));
        publisher.publish(error("ITEST_HEALTH", "sense-a"));
        publisher.publish(error("ITEST_HEALTH", "sense-b"));

        Await.until("three ITEST_HEALTH errors counted", () -> count("ITEST_HEALTH") == 3);
        assertTrue(errorCounts.today().counts()
                .contains(new ErrorCount("ITEST_HEALTH", "sense-a", "timeout", 2)));
    }

    @Test
    void aFailingSinkThatTakesErrorsDoesNotMultiplyThem() throws Exception {
        CoreSettings.fast(admin);
        RecordingSink failing = new RecordingSink() {
            @Override
            protected void beforeWrite(int call, List<Signal> batch) throws SinkException {
                throw SinkException.retriable("target down", null);
            }
        };
        ServiceRegistration<Sink> registration = failing.register(context, "itest-failing", "*");
        try {
            publisher.publish(error("ITEST_LOOP", ""));
            // Three attempts take about 1.5 s even if the core still runs on its default back-off.
            Await.until("the failing sink tried three times", Duration.ofSeconds(30), () -> failing.calls.get() >= 3);
            // Three failed writes of the error later, the tracker has still counted exactly one error.
            Await.until("the tracker counted the error", () -> count("ITEST_LOOP") == 1);
            assertEquals(1, count("ITEST_LOOP"));
        } finally {
            registration.unregister();
        }
    }

    @Test
    void publishesAgentStatsInTheButlerSosSchema() throws Exception {
        CoreSettings.fast(admin);
        RecordingSink sink = new RecordingSink();
        ServiceRegistration<Sink> registration = sink.register(context, "itest-stats", AgentStats.TYPE);
        Configuration uptime = admin.getConfiguration("io.butlersos.agent.uptime", "?");
        try {
            java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
            props.put("interval.s", "1");
            props.put("instance.tag", "ITEST-STATS");
            uptime.update(props);
            AgentStats stats = Await.value("agent.stats from ITEST-STATS", () -> {
                synchronized (sink.written) {
                    return sink.written.stream().filter(s -> s instanceof AgentStats a
                            && a.origin().equals("ITEST-STATS")).map(AgentStats.class::cast).findFirst().orElse(null);
                }
            });
            Point point = stats.toPoints().get(0);
            assertEquals("butlersos_memory_usage", point.measurement());
            assertEquals("ITEST-STATS", point.tags().get("butler_sos_instance"));
            assertTrue(point.fields().get("process_memory") instanceof Double);
            assertTrue(stats.processMemoryBytes() > 0 && stats.threadCount() > 0);
        } finally {
            registration.unregister();
            uptime.delete();
        }
    }
}
