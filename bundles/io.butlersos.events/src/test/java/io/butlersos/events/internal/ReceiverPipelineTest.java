package io.butlersos.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.butlersos.api.Signal;
import io.butlersos.api.events.EventCategory;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.ReceiverMetrics;
import io.butlersos.api.events.UserEvent;
import io.butlersos.events.internal.count.CountersConfig;
import io.butlersos.events.internal.count.EventCounters;
import io.butlersos.events.internal.qix.QixPerfConfig;
import io.butlersos.events.internal.qix.QixPerfMonitor;
import io.butlersos.events.internal.receive.DropReasons;
import io.butlersos.events.internal.rules.Categoriser;
import io.butlersos.events.internal.rules.CategoriserConfig;
import io.butlersos.events.internal.rules.CategoryRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver components end to end over loopback UDP, with a capturing publisher in place of the core. */
class ReceiverPipelineTest {

    static final String PROXY = "/qseow-proxy/;45;20211109T153726.028+0200;2021-11-09 15:37:26,028;WARN;sense1;"
            + "Audit.Proxy.Proxy.SessionEstablishment.Authentication;LAB\\qlikservice;"
            + "Access was denied for User: 'LAB\\goran';;LAB;goran;Login;403;AppAccess;/hub/";
    static final String QIX = "/qseow-qix-perf/;2345;20211109T193744.331+0100;2021-11-09 19:37:44,331;INFO;sense1;"
            + "QixPerformance.Engine.Engine;LAB\\qlikservice;0;LAB;goran;2021-11-09T19:37:44.331+01:00;;"
            + "e7af59a0-c243-480d-9571-08727551a66f;57;Doc::GetAppLayout;12.5;11.9;0.1;0.2;0.3;5;<Unknown>;1024;4096;"
            + "<Unknown>";
    static final String SESSION = "/qseow-proxy-session/;sense1;Start session;LAB;goran;AppAccess;/hub/;"
            + "Start session for user UserAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 "
            + "Firefox/121.0'";

    private final List<Signal> published = new CopyOnWriteArrayList<>();
    private final EventCounters counters = new EventCounters(published::add,
            Configs.of(CountersConfig.class, Map.of("interval_s", 3600L)));
    private final Categoriser categoriser = new Categoriser();
    private final QixPerfMonitor qixPerf = new QixPerfMonitor();
    private LogEventsReceiver logReceiver;
    private UserEventsReceiver userReceiver;

    @AfterEach
    void stop() {
        if (logReceiver != null) {
            logReceiver.deactivate();
        }
        if (userReceiver != null) {
            userReceiver.deactivate();
        }
        counters.deactivate();
    }

    private InetSocketAddress startLog(Map<String, Object> overrides) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of("port", 0, "source_proxy", true, "metrics_interval_s", 3600L,
                "tags", new String[] {"qs_env=test"}));
        config.putAll(overrides);
        logReceiver = new LogEventsReceiver(published::add, categoriser, qixPerf, counters, new AppNamesTracker(),
                Configs.of(LogEventsConfig.class, config));
        return logReceiver.receiver().localAddress();
    }

    static void send(InetSocketAddress to, String... datagrams) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            for (String text : datagrams) {
                byte[] data = text.getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(data, data.length, to));
            }
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    private <T> List<T> of(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void logEventsArePublishedWithCategoriesAndSenseTime() throws Exception {
        categoriser.activate(Configs.of(CategoriserConfig.class, Map.of("enabled", true)));
        categoriser.addRule(() -> new CategoryRule("access", 1, Set.of("warn"), false,
                List.of(new EventCategory("qs_log_category", "access-denied")), List.of("Access was denied"), List.of(),
                List.of()));
        categoriser.addRule(() -> new CategoryRule("drop logins", 2, Set.of("warn"), true, List.of(), List.of(),
                List.of(), List.of("drop me")));
        qixPerf.activate(Configs.of(QixPerfConfig.class));
        InetSocketAddress to = startLog(Map.of("source_qix_perf", false));

        send(to, PROXY, PROXY.replace("Access was denied", "drop me"), PROXY.replace("/qseow-proxy/", "/qseow-engine/"),
                "garbage;1;2", QIX);

        await("one event and four drops", () -> logReceiver.receiver().stats().droppedTotals().values().stream()
                .mapToLong(Long::longValue).sum() == 4 && of(LogEvent.class).size() == 1);
        LogEvent event = of(LogEvent.class).get(0);
        assertThat(event.time()).isEqualTo(Instant.parse("2021-11-09T13:37:26.028Z"));
        assertThat(event.categories()).containsExactly(new EventCategory("qs_log_category", "access-denied"));
        assertThat(event.tags()).containsEntry("qs_env", "test");
        assertThat(logReceiver.receiver().stats().droppedTotals()).containsEntry(DropReasons.RULE, 1L)
                .containsEntry(DropReasons.SOURCE_DISABLED, 1L).containsEntry("unknown_message_type", 1L)
                .containsEntry("missing_fields", 1L);
        assertThat(of(QixPerfEvent.class)).isEmpty();
    }

    @Test
    void qixPerfEventsAreFilteredAndRejectionsCounted() throws Exception {
        categoriser.activate(Configs.of(CategoriserConfig.class));
        qixPerf.activate(Configs.of(QixPerfConfig.class, Map.of("enabled", true, "all_apps_enabled", true,
                "track_rejected", true, "methods_exclude", new String[] {"Doc::GetAppLayout"})));
        InetSocketAddress to = startLog(Map.of());

        send(to, QIX, QIX, QIX.replace("Doc::GetAppLayout", "GenericObject::GetLayout"));

        await("one QIX event", () -> of(QixPerfEvent.class).size() == 1);
        await("two filtered", () -> logReceiver.receiver().stats().droppedTotals()
                .getOrDefault(DropReasons.QIX_PERF_FILTERED, 0L) == 2);
        QixPerfEvent event = of(QixPerfEvent.class).get(0);
        assertThat(event.userActivity()).isFalse();
        assertThat(event.time()).isEqualTo(Instant.parse("2021-11-09T18:37:44.331Z"));
        counters.report();
        assertThat(published).anySatisfy(s -> assertThat(s.type()).isEqualTo("event.rejected-counts"));
    }

    @Test
    void userEventsAreEnrichedAndExcludedUsersKeptBack() throws Exception {
        userReceiver = new UserEventsReceiver(published::add, counters, new AppNamesTracker(),
                Configs.of(UserEventsConfig.class, Map.of("port", 0, "metrics_interval_s", 1L,
                        "exclude_users", new String[] {"LAB\\sa_monitor"})));
        InetSocketAddress to = userReceiver.receiver().localAddress();

        send(to, SESSION, SESSION.replace("goran", "sa_monitor"));

        await("one user event", () -> of(UserEvent.class).size() == 1);
        UserEvent event = of(UserEvent.class).get(0);
        assertThat(event.userAgent().browserName()).isEqualTo("Firefox");
        assertThat(event.userAgent().osName()).isEqualTo("Windows");
        await("receiver metrics with the exclusion", () -> of(ReceiverMetrics.class).stream()
                .anyMatch(m -> m.dropped().getOrDefault(DropReasons.EXCLUDED_USER, 0L) == 1));
        ReceiverMetrics metrics = of(ReceiverMetrics.class).stream()
                .filter(m -> m.dropped().containsKey(DropReasons.EXCLUDED_USER)).findFirst().orElseThrow();
        assertThat(metrics.queueType()).isEqualTo("user_events");
        assertThat(metrics.received()).isEqualTo(2);
        assertThat(metrics.processed()).isEqualTo(1);
        assertThat(metrics.measurement()).isEqualTo("user_events_queue");
        counters.report();
        assertThat(published).anySatisfy(s -> assertThat(s.type()).isEqualTo("event.counts"));
    }

    @Test
    void aPortInUseBecomesAnErrorSignalNotACrash() throws Exception {
        categoriser.activate(Configs.of(CategoriserConfig.class));
        qixPerf.activate(Configs.of(QixPerfConfig.class));
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            logReceiver = new LogEventsReceiver(published::add, categoriser, qixPerf, counters, new AppNamesTracker(),
                    Configs.of(LogEventsConfig.class, Map.of("port", taken.getLocalPort())));
            assertThat(logReceiver.receiver()).isNull();
            assertThat(published).anySatisfy(s -> assertThat(s.type()).isEqualTo("agent.error"));
        }
    }

    @Test
    void aPortInUseIsBoundOnceItIsFreeAgain() throws Exception {
        categoriser.activate(Configs.of(CategoriserConfig.class));
        qixPerf.activate(Configs.of(QixPerfConfig.class));
        int port;
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            port = taken.getLocalPort();
            logReceiver = new LogEventsReceiver(published::add, categoriser, qixPerf, counters, new AppNamesTracker(),
                    Configs.of(LogEventsConfig.class, Map.of("port", port, "source_proxy", true)));
            assertThat(logReceiver.receiver()).isNull();
        }
        // What had the port let it go (a previous agent finished stopping): the receiver binds it by itself.
        await("the receiver bound on its own", () -> logReceiver.receiver() != null);
        assertThat(logReceiver.receiver().localAddress().getPort()).isEqualTo(port);
        send(new InetSocketAddress("127.0.0.1", port), PROXY);
        await("the event from the late-bound port published", () -> !of(LogEvent.class).isEmpty());
    }
}
