package io.butlersos.itest.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.butlersos.api.Signal;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.ReceiverMetrics;
import io.butlersos.api.events.UserEvent;
import io.butlersos.api.sink.Sink;
import io.butlersos.itest.ActiveComponents;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.RecordingSink;
import io.butlersos.itest.UdpPorts;
import io.butlersos.simulator.udp.SenseDatagrams;
import io.butlersos.simulator.udp.SenseMessageType;
import io.butlersos.simulator.udp.UdpEventGenerator;
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
 * The UDP events bundle in Felix, configured through Config Admin: the simulator's generator sends N
 * datagrams of each of the seven message types; exactly N events of each type reach a sink through
 * the delivery core, and log events keep the time Sense stamped on them.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class UdpEventsIT {

    private static final int N = 300;
    private static final Instant FIRST = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration STEP = Duration.ofMillis(13);

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    ServiceComponentRuntime scr;

    private final RecordingSink sink = new RecordingSink();
    private final List<Configuration> configurations = new ArrayList<>();
    private ServiceRegistration<Sink> registration;

    @BeforeEach
    void setUp() throws Exception {
        CoreSettings.fast(admin);
        // A sink name of its own per test: the core keeps a returning sink's backlog by name.
        registration = sink.register(context, "events-itest-" + System.nanoTime(), "event.*");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Configuration configuration : configurations) {
            configuration.delete();
        }
        registration.unregister();
        // The next test configures these PIDs again: let DS take the receivers down first, so the next
        // configuration is a new one to DS too and not a re-creation racing the deletion.
        for (String pid : List.of("io.butlersos.events.log", "io.butlersos.events.user")) {
            Await.until(pid + " receiver stopped", RECONFIGURE, () -> !ActiveComponents.active(scr, pid),
                    () -> ActiveComponents.describe(scr, pid));
        }
    }

    /** A receiver restarts on a new port when its configuration changes; on a busy machine that can take a while. */
    private static final java.time.Duration RECONFIGURE = java.time.Duration.ofSeconds(60);

    private void configure(String pid, Object... keyValues) throws Exception {
        Configuration configuration = admin.getConfiguration(pid, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put((String) keyValues[i], keyValues[i + 1]);
        }
        configuration.update(props);
        configurations.add(configuration);
    }

    private <T extends Signal> List<T> written(Class<T> type, Predicate<T> filter) {
        synchronized (sink.written) {
            return sink.written.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
        }
    }

    private long sum(String queueType, java.util.function.ToLongFunction<ReceiverMetrics> field) {
        return written(ReceiverMetrics.class, m -> m.queueType().equals(queueType)).stream().mapToLong(field).sum();
    }

    @Test
    void everyMessageTypeArrivesExactlyOnceWithItsSenseTime() throws Exception {
        int logPort = UdpPorts.free();
        int userPort = UdpPorts.free();
        configure("io.butlersos.events.qixperf", "enabled", true, "all.apps.enabled", true);
        configure("io.butlersos.events.log", "port", logPort, "source.engine", true, "source.proxy", true,
                "source.repository", true, "source.scheduler", true, "source.qix.perf", true,
                "metrics.interval.s", 1L, "tags", new String[] {"qs_env=itest"});
        configure("io.butlersos.events.user", "port", userPort, "metrics.interval.s", 1L);
        Await.until("both receivers listening on " + logPort + " and " + userPort, RECONFIGURE,
                () -> UdpPorts.bound(logPort) && UdpPorts.bound(userPort),
                () -> ActiveComponents.describe(scr, "io.butlersos.events.log") + "; "
                        + ActiveComponents.describe(scr, "io.butlersos.events.user"));

        SenseDatagrams datagrams = new SenseDatagrams(42, 9, 20, List.of("sense1", "sense2"), ZoneOffset.ofHours(1));
        try (UdpEventGenerator generator = new UdpEventGenerator(datagrams, new InetSocketAddress("127.0.0.1", logPort),
                new InetSocketAddress("127.0.0.1", userPort))) {
            generator.sendAllTypes(N, 20_000, FIRST, STEP);
            assertEquals(7L * N, generator.sent());
        }

        Await.until("every datagram accounted for by the receivers",
                () -> sum("log_events", ReceiverMetrics::received) == 5L * N
                        && sum("user_events", ReceiverMetrics::received) == 2L * N
                        && sum("log_events", ReceiverMetrics::processed) == 5L * N
                        && sum("user_events", ReceiverMetrics::processed) == 2L * N);
        Await.until("all events delivered to the sink", () -> written(LogEvent.class, e -> true).size() == 4 * N
                && written(QixPerfEvent.class, e -> true).size() == N && written(UserEvent.class, e -> true).size() == 2 * N);

        for (LogSource source : List.of(LogSource.ENGINE, LogSource.PROXY, LogSource.REPOSITORY, LogSource.SCHEDULER)) {
            List<LogEvent> events = written(LogEvent.class, e -> e.header().source() == source);
            assertEquals(N, events.size(), source + " events");
            for (LogEvent event : events) {
                long n = event.header().logRow() - 1;
                assertEquals(FIRST.plus(STEP.multipliedBy(n)), event.time(), source + " event time of row " + (n + 1));
                assertEquals("itest", event.tags().get("qs_env"));
            }
            assertEquals(N, events.stream().mapToLong(e -> e.header().logRow()).distinct().count(), source + " rows");
        }
        for (QixPerfEvent event : written(QixPerfEvent.class, e -> true)) {
            assertEquals(FIRST.plus(STEP.multipliedBy(event.header().logRow() - 1)), event.time());
        }
        assertEquals(N, written(UserEvent.class, e -> e.messageType().equals("qseow-proxy-session")).size());
        assertEquals(N, written(UserEvent.class, e -> e.messageType().equals("qseow-proxy-connection")).size());
        assertTrue(written(UserEvent.class, e -> e.userAgent().browserName().equals("Chrome")).size() > 0,
                "user agents read inside Felix by the embedded parser");
        assertEquals(0, sum("log_events", m -> m.droppedTotal()) + sum("user_events", m -> m.droppedTotal()));
    }

    @Test
    void aRuleConfiguredLiveDropsWhatItMatches() throws Exception {
        int logPort = UdpPorts.free();
        configure("io.butlersos.events.categorise", "enabled", true);
        configure("io.butlersos.events.log", "port", logPort, "source.proxy", true, "source.qix.perf", false,
                "metrics.interval.s", 1L);
        Await.until("receiver listening on " + logPort, RECONFIGURE, () -> UdpPorts.bound(logPort),
                () -> ActiveComponents.describe(scr, "io.butlersos.events.log"));
        Configuration rule = admin.getFactoryConfiguration("io.butlersos.events.rule", "itest-drop", "?");
        configurations.add(rule);
        rule.update(new Hashtable<>(Map.of("description", "drop denied", "action", "drop",
                "log.levels", new String[] {"warn"}, "starts.with", new String[] {"Access was denied"})));

        SenseDatagrams datagrams = new SenseDatagrams(42, 9, 20, List.of("sense1"), ZoneOffset.UTC);
        try (UdpEventGenerator generator = new UdpEventGenerator(datagrams, new InetSocketAddress("127.0.0.1", logPort),
                new InetSocketAddress("127.0.0.1", logPort))) {
            // Until the new rule is in force, probes are published; once it is, they are dropped by it.
            Await.until("the rule is in force", () -> {
                try {
                    generator.send(SenseMessageType.PROXY, 1, 0, FIRST, STEP);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return sum("log_events", m -> m.dropped().getOrDefault("rule", 0L)) > 0;
            });
            long droppedBefore = sum("log_events", m -> m.dropped().getOrDefault("rule", 0L));
            Await.until("the last probes are settled", () -> sum("log_events", ReceiverMetrics::received)
                    == sum("log_events", ReceiverMetrics::processed) + sum("log_events", ReceiverMetrics::droppedTotal));
            int deliveredBefore = written(LogEvent.class, e -> true).size();

            generator.send(SenseMessageType.PROXY, 50, 5_000, FIRST, STEP);

            Await.until("50 more dropped by the rule",
                    () -> sum("log_events", m -> m.dropped().getOrDefault("rule", 0L)) >= droppedBefore + 50);
            assertEquals(deliveredBefore, written(LogEvent.class, e -> true).size(), "nothing published past the rule");
        }
    }
}
