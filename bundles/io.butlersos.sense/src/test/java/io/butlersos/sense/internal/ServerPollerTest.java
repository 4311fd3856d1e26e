package io.butlersos.sense.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.butlersos.api.Point;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.PollResult;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.cert.internal.CertificateSet;
import io.butlersos.cert.internal.LoadedSet;
import io.butlersos.simulator.SenseWorld;
import io.butlersos.simulator.internal.SimulatedNode;
import io.butlersos.simulator.internal.SimulatedSite;

/** The pollers against the real simulator over mutual TLS, with the real certificate loader. */
class ServerPollerTest {

    @TempDir
    static Path dir;
    static SimulatedSite site;
    static SimulatedSite foreignSite;
    static PollingRuntime runtime;

    CollectingPublisher published;
    List<ServerPoller> pollers;

    @BeforeAll
    static void startSimulator() throws Exception {
        SenseWorld world = new SenseWorld(3, 25, 40, Duration.ofSeconds(2), Instant.now());
        site = SimulatedSite.create(dir.resolve("export"), List.of("localhost", "127.0.0.1"), null, world, 8,
                Clock.systemUTC());
        foreignSite = SimulatedSite.create(dir.resolve("foreign"), List.of("localhost", "127.0.0.1"), null, world, 1,
                Clock.systemUTC());
        runtime = new PollingRuntime();
        runtime.addCertificateSet(set("default", site));
        runtime.addCertificateSet(set("foreign", foreignSite));
    }

    static CertificateSet set(String name, SimulatedSite s) {
        var e = s.export();
        return new CertificateSet(name, new LoadedSet.Files(e.clientCert(), e.clientKey(), e.root(), null), false,
                Duration.ofDays(30), Clock.systemUTC());
    }

    @AfterAll
    static void stopSimulator() {
        site.close();
        foreignSite.close();
        runtime.deactivate();
    }

    @BeforeEach
    void setUp() {
        published = new CollectingPublisher();
        pollers = new ArrayList<>();
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(ServerPoller::stop);
    }

    private SimulatedNode node(String name) throws Exception {
        return site.start(new SimulatedNode.Settings(name, "127.0.0.1", 0, 0, 0, List.of("/", "/hdr"), "14.173.3"));
    }

    private static Map<String, Object> serverConfig(String name, SimulatedNode node, Object... more) {
        Map<String, Object> c = new HashMap<>();
        c.put("server_name", name);
        c.put("host", "127.0.0.1:" + node.enginePort());
        c.put("proxy_host", "127.0.0.1:" + node.proxyPort());
        c.put("virtual_proxies", new String[] {"/", "/hdr"});
        c.put("jitter_ms", 100L);
        for (int i = 0; i < more.length; i += 2) {
            c.put((String) more[i], more[i + 1]);
        }
        return c;
    }

    private ServerPoller poll(Map<String, Object> config) {
        return poll(config, runtime.connectionGate());
    }

    private ServerPoller poll(Map<String, Object> config, ConnectionGate gate) {
        return poll(config, gate, runtime.startPacer());
    }

    private ServerPoller poll(Map<String, Object> config, ConnectionGate gate, StartPacer pacer) {
        ServerPoller poller = new ServerPoller(runtime.timer(), runtime, gate, pacer, published, () -> null,
                new PollErrors(Clock.systemUTC(), "test-agent"), Clock.systemUTC());
        poller.start(ServerSettings.from(TestSettings.config(config)));
        pollers.add(poller);
        return poller;
    }

    @Test
    void healthAndSessionsOfTwoServersArriveRightAfterStart() throws Exception {
        SimulatedNode a = node("a");
        SimulatedNode b = node("b");

        poll(serverConfig("a", a));
        poll(serverConfig("b", b));

        CollectingPublisher.await("health and sessions of a and b", Duration.ofSeconds(20),
                () -> !published.health("a").isEmpty() && !published.health("b").isEmpty()
                        && published.sessions("a").size() >= 2 && published.sessions("b").size() >= 2);
        HealthSample sample = published.health("a").get(0);
        assertThat(sample.version()).isEqualTo("14.173.3");
        assertThat(sample.tags()).containsEntry("host", "127.0.0.1").containsEntry("server_name", "a");
        assertThat(sample.toPoints()).extracting(Point::measurement)
                .contains("sense_server", "mem", "apps", "cpu", "session", "users", "cache", "saturated");
        assertThat(published.sessions("a")).extracting(ProxySessions::virtualProxy).contains("/", "/hdr");
        assertThat(published.sessions("a").get(0).sessionHost()).isEqualTo("127.0.0.1:" + a.proxyPort());
        assertThat(published.errors("a")).isEmpty();
    }

    @Test
    void serversStartedTogetherPollFirstInTheirStartSlotsAtTheConfiguredRate() throws Exception {
        StartPacer fourASecond = new StartPacer(4, Clock.systemUTC());
        Map<String, SimulatedNode> nodes = new java.util.LinkedHashMap<>();
        for (String name : List.of("paced1", "paced2", "paced3")) {
            nodes.put(name, node(name));
        }
        List<ServerPoller> started = new ArrayList<>();
        nodes.forEach((name, node) -> started.add(poll(serverConfig(name, node, "jitter_ms", 0L, "sessions_enabled",
                false), runtime.connectionGate(), fourASecond)));

        CollectingPublisher.await("first health samples of the three", Duration.ofSeconds(20),
                () -> List.of("paced1", "paced2", "paced3").stream().noneMatch(n -> published.health(n).isEmpty()));
        Instant first = started.get(0).pacedStart();
        assertThat(Duration.between(first, started.get(1).pacedStart())).isEqualTo(Duration.ofMillis(250));
        assertThat(Duration.between(first, started.get(2).pacedStart())).isEqualTo(Duration.ofMillis(500));
        for (int i = 0; i < 3; i++) {
            HealthSample sample = published.health("paced" + (i + 1)).get(0);
            assertThat(sample.time()).isAfterOrEqualTo(started.get(i).pacedStart().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void newConnectionsQueueAtTheGateAndEveryServerIsAnswered() throws Exception {
        ConnectionGate oneAtATime = new ConnectionGate(1, Runnable::run);
        List<String> names = List.of("q1", "q2", "q3", "q4", "q5", "q6");
        for (String name : names) {
            poll(serverConfig(name, node(name), "jitter_ms", 0L), oneAtATime);
        }

        CollectingPublisher.await("health and both sessions of every server", Duration.ofSeconds(30),
                () -> names.stream().allMatch(n -> !published.health(n).isEmpty() && published.sessions(n).size() >= 2));
        assertThat(oneAtATime.peakInUse()).isEqualTo(1);
        assertThat(names).allSatisfy(n -> assertThat(published.errors(n)).isEmpty());
    }

    @Test
    void aPollOverAnOpenConnectionDoesNotWaitForTheGateAndAQueuedOnesDeadlineStartsWithItsSlot() throws Exception {
        ConnectionGate oneAtATime = new ConnectionGate(1, Runnable::run);
        SimulatedNode warmNode = node("warm");
        SimulatedNode coldNode = node("cold");
        ServerPoller warm = poll(serverConfig("warm", warmNode, "health_interval_ms", 60_000L, "jitter_ms", 0L,
                "sessions_enabled", false), oneAtATime);
        CollectingPublisher.await("the first sample over a new connection", Duration.ofSeconds(20),
                () -> published.health("warm").size() == 1);

        ConnectionGate.Slot held = oneAtATime.acquire().join(); // every new connection now has to wait
        try {
            ServerPoller cold = poll(serverConfig("cold", coldNode, "health_interval_ms", 60_000L, "jitter_ms", 0L,
                    "request_timeout_ms", 300L, "sessions_enabled", false), oneAtATime);
            CollectingPublisher.await("the cold server's poll waiting for a slot", Duration.ofSeconds(20),
                    () -> cold.healthStats().started.get() == 1 && oneAtATime.waiting() == 1);

            warm.pollHealthNow().get();
            assertThat(published.health("warm")).hasSize(2);
            assertThat(published.health("cold")).isEmpty();
            Thread.sleep(600); // longer than the cold request's deadline: waiting for the slot must not count
        } finally {
            held.release();
        }
        CollectingPublisher.await("the cold server answered once it had a slot", Duration.ofSeconds(20),
                () -> published.health("cold").size() == 1);
        assertThat(published.errors("cold")).isEmpty();
    }

    @Test
    void aPollThatGetsNoConnectionSlotInTimeFailsWithATimeoutSayingSo() throws Exception {
        ConnectionGate oneAtATime = new ConnectionGate(1, Runnable::run);
        SimulatedNode n = node("queued");
        ConnectionGate.Slot held = oneAtATime.acquire().join();
        try {
            poll(serverConfig("queued", n, "health_interval_ms", 500L, "request_timeout_ms", 200L, "jitter_ms", 0L,
                    "sessions_enabled", false), oneAtATime);

            ErrorSignal error = published.awaitError("queued", e -> true);
            assertThat(error.category()).isEqualTo(ErrorCategory.TIMEOUT);
            assertThat(error.message()).contains("no connection slot within 500 ms", "connect.concurrency");
            CollectingPublisher.await("its poll result", Duration.ofSeconds(20), () -> !published.polls("queued").isEmpty());
            PollResult result = published.polls("queued").get(0);
            assertThat(result.category()).isEqualTo(ErrorCategory.TIMEOUT);
            assertThat(result.requestDuration()).isEmpty(); // never sent
        } finally {
            held.release();
        }
        CollectingPublisher.await("samples once the slot is free", Duration.ofSeconds(20),
                () -> !published.health("queued").isEmpty());
    }

    @Test
    void everyPollReportsItsOutcomeAndHowLongItTook() throws Exception {
        SimulatedNode n = node("timed");

        poll(serverConfig("timed", n, "virtual_proxies", new String[] {"/", "/hdr", "/nope"}));

        CollectingPublisher.await("poll results of health and of the three virtual proxies", Duration.ofSeconds(20),
                () -> published.polls("timed").size() >= 4);
        List<PollResult> polls = published.polls("timed");
        PollResult health = polls.stream().filter(p -> p.kind() == PollResult.Kind.HEALTH).findFirst().orElseThrow();
        assertThat(health.succeeded()).isTrue();
        assertThat(health.outcome()).isEqualTo("success");
        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.host()).isEqualTo("127.0.0.1:" + n.enginePort());
        assertThat(health.virtualProxy()).isEmpty();
        assertThat(health.tags()).containsEntry("server_name", "timed");
        assertThat(health.requestDuration()).hasValueSatisfying(d -> assertThat(d).isPositive());
        assertThat(health.type()).isEqualTo("sense.poll");
        assertThat(health.toPoints()).isEmpty();
        assertThat(polls).filteredOn(p -> p.kind() == PollResult.Kind.SESSIONS && p.succeeded())
                .extracting(PollResult::virtualProxy).contains("/", "/hdr");
        PollResult unknown = polls.stream().filter(p -> p.virtualProxy().equals("/nope")).findFirst().orElseThrow();
        assertThat(unknown.outcome()).isEqualTo("failure");
        assertThat(unknown.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(unknown.httpStatus()).isEqualTo(404);
        assertThat(unknown.host()).isEqualTo("127.0.0.1:" + n.proxyPort());
        assertThat(unknown.requestDuration()).isPresent();
        // The failed poll's error signal is published first, so an output counting results has seen it.
        List<io.butlersos.api.Signal> all = List.copyOf(published.signals);
        int error = all.indexOf(published.errors("timed").get(0));
        assertThat(error).isLessThan(all.indexOf(unknown));
    }

    @Test
    void aDeadServerIsReportedByNameWhileTheOthersKeepTheirSchedule() throws Exception {
        SimulatedNode alive = node("alive");
        SimulatedNode dead = node("dead");
        site.stop("dead");

        poll(serverConfig("alive", alive, "health_interval_ms", 200L, "sessions_enabled", false));
        poll(serverConfig("dead", dead, "health_interval_ms", 200L, "sessions_enabled", false));

        ErrorSignal error = published.awaitError("dead", e -> e.errorType().equals("HEALTH_API"));
        assertThat(error.category()).isEqualTo(ErrorCategory.CONNECTION_REFUSED);
        assertThat(error.message()).contains("server 'dead'", "connection refused");
        assertThat(error.requestUrl()).isEqualTo("https://127.0.0.1:" + dead.enginePort() + "/engine/healthcheck");
        assertThat(error.tags()).containsEntry("host", "127.0.0.1:" + dead.enginePort());
        assertThat(published.polls("dead")).isNotEmpty().allSatisfy(p -> {
            assertThat(p.outcome()).isEqualTo("failure");
            assertThat(p.category()).isEqualTo(ErrorCategory.CONNECTION_REFUSED);
            assertThat(p.requestDuration()).isPresent();
        });
        int before = published.health("alive").size();
        CollectingPublisher.await("five more polls of the live server", Duration.ofSeconds(20),
                () -> published.health("alive").size() >= before + 5);
        assertThat(published.errors("alive")).isEmpty();
    }

    @Test
    void aSlowServerHitsItsDeadlineAndDoesNotDelayTheOthers() throws Exception {
        SimulatedNode fast = node("fast");
        SimulatedNode slow = node("slow");
        slow.setResponseDelay(Duration.ofSeconds(3));
        try {
            poll(serverConfig("slow", slow, "health_interval_ms", 1000L, "request_timeout_ms", 400L,
                    "sessions_enabled", false));
            poll(serverConfig("fast", fast, "health_interval_ms", 200L, "sessions_enabled", false));

            ErrorSignal error = published.awaitError("slow", e -> e.category() == ErrorCategory.TIMEOUT);
            assertThat(error.message()).contains("no answer within 400 ms");
            CollectingPublisher.await("the timed-out poll's result", Duration.ofSeconds(5),
                    () -> !published.polls("slow").isEmpty());
            PollResult timedOut = published.polls("slow").get(0);
            assertThat(timedOut.category()).isEqualTo(ErrorCategory.TIMEOUT);
            // The verdict comes at the deadline, not before: the duration is at least the deadline.
            assertThat(timedOut.requestDuration()).hasValueSatisfying(
                    d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(400)));
            int before = published.health("fast").size();
            CollectingPublisher.await("the fast server polled on while the slow one times out", Duration.ofSeconds(20),
                    () -> published.health("fast").size() >= before + 5);
            assertThat(published.health("slow")).isEmpty();
        } finally {
            slow.setResponseDelay(Duration.ZERO);
        }
    }

    @Test
    void pollsOfOneServerNeverOverlap() throws Exception {
        SimulatedNode sluggish = node("sluggish");
        sluggish.setResponseDelay(Duration.ofMillis(700));
        try {
            ServerPoller poller = poll(serverConfig("sluggish", sluggish, "health_interval_ms", 1000L,
                    "sessions_enabled", false));
            // Ticks every 1 s would not overlap; force them to: ask again and again while one runs.
            CollectingPublisher.await("a first sample", Duration.ofSeconds(20), () -> !published.health("sluggish").isEmpty());
            for (int i = 0; i < 5; i++) {
                poller.pollHealthNow();
                poller.pollHealthNow();
                Thread.sleep(50); // spacing the attempts, not an assertion
            }
            CollectingPublisher.await("skipped ticks", Duration.ofSeconds(20), () -> poller.healthStats().skipped.get() >= 3);
            assertThat(sluggish.maxInFlight()).isEqualTo(1);
        } finally {
            sluggish.setResponseDelay(Duration.ZERO);
        }
    }

    @Test
    void aNewIntervalTakesEffectWithoutARestart() throws Exception {
        SimulatedNode n = node("tunable");
        ServerPoller poller = poll(serverConfig("tunable", n, "health_interval_ms", 60_000L, "sessions_enabled", false));
        CollectingPublisher.await("the first poll at start", Duration.ofSeconds(20),
                () -> published.health("tunable").size() == 1);

        poller.reconfigure(ServerSettings.from(TestSettings.config(
                serverConfig("tunable", n, "health_interval_ms", 200L, "sessions_enabled", false))));

        CollectingPublisher.await("polls every 200 ms", Duration.ofSeconds(20), () -> published.health("tunable").size() >= 5);
    }

    @Test
    void aWrongClientCertificateGivesAClearErrorAndNoCrash() throws Exception {
        SimulatedNode n = node("guarded");

        ServerPoller poller = poll(serverConfig("guarded", n, "certificate_set", "foreign", "health_interval_ms", 300L,
                "sessions_enabled", false));

        ErrorSignal error = published.awaitError("guarded", e -> true);
        assertThat(error.category()).isEqualTo(ErrorCategory.CERTIFICATE_ERROR);
        assertThat(error.message()).contains("TLS handshake failed");
        CollectingPublisher.await("it keeps trying", Duration.ofSeconds(20), () -> poller.healthStats().failed.get() >= 3);
    }

    @Test
    void ourClientCertificateRefusedByTheServerIsNamedAsSuch() throws Exception {
        SimulatedNode n = node("picky");

        poll(serverConfig("picky", n, "certificate_set", "foreign", "verify_server", false, "sessions_enabled", false));

        ErrorSignal error = published.awaitError("picky", e -> true);
        assertThat(error.message()).containsAnyOf("refused our client certificate", "closed the connection");
    }

    @Test
    void anUnknownCertificateSetIsNamed() throws Exception {
        SimulatedNode n = node("noset");

        poll(serverConfig("noset", n, "certificate_set", "nope", "sessions_enabled", false));

        ErrorSignal error = published.awaitError("noset", e -> true);
        assertThat(error.message()).contains("Certificate set 'nope' is not configured");
        assertThat(error.category()).isEqualTo(ErrorCategory.CERTIFICATE_ERROR);
        // No request went out: the failure is counted, but it has no duration.
        CollectingPublisher.await("the poll's result", Duration.ofSeconds(5), () -> !published.polls("noset").isEmpty());
        assertThat(published.polls("noset").get(0).category()).isEqualTo(ErrorCategory.CERTIFICATE_ERROR);
        assertThat(published.polls("noset").get(0).requestDuration()).isEmpty();
    }

    @Test
    void aCertificateSetConfiguredAfterTheServerIsPolledWhenItArrivesNotAtTheNextTick() throws Exception {
        SimulatedNode n = node("late");
        ServerPoller poller = poll(serverConfig("late", n, "certificate_set", "late", "sessions_enabled", false,
                "health_interval_ms", 3_600_000L));
        java.util.function.Consumer<String> listener = poller::certificateSetAvailable;
        runtime.onCertificateSet(listener);
        try {
            ErrorSignal error = published.awaitError("late", e -> true);
            assertThat(error.message()).contains("Certificate set 'late' is not configured");
            assertThat(published.health("late")).isEmpty();

            runtime.addCertificateSet(set("late", site));

            // The next tick is an hour away: the sample comes from the set's arrival.
            CollectingPublisher.await("a health sample once the set is there", Duration.ofSeconds(20),
                    () -> !published.health("late").isEmpty());
            assertThat(poller.healthStats().started.get()).isEqualTo(2L);
        } finally {
            runtime.removeCertificateSetListener(listener);
        }
    }

    @Test
    void anUnknownVirtualProxyIsAProxyApiErrorNamingIt() throws Exception {
        SimulatedNode n = node("vp");

        poll(serverConfig("vp", n, "virtual_proxies", new String[] {"/nope"}));

        ErrorSignal error = published.awaitError("vp", e -> e.errorType().equals("PROXY_API"));
        assertThat(error.httpStatus()).isEqualTo(404);
        assertThat(error.category()).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(error.tags()).containsEntry("virtual_proxy", "/nope");
        assertThat(error.requestUrl()).doesNotContain("Xrfkey");
    }

    @Test
    void excludedUsersAreCountedButGetNoDetailPoints() throws Exception {
        SimulatedNode n = node("excl");
        String[] everyone = site.world().users().stream().map(u -> SenseWorld.USER_DIRECTORY + "\\" + u)
                .toArray(String[]::new);

        poll(serverConfig("excl", n, "virtual_proxies", new String[] {"/"}, "exclude_users", everyone));

        CollectingPublisher.await("sessions", Duration.ofSeconds(20), () -> !published.sessions("excl").isEmpty());
        ProxySessions sessions = published.sessions("excl").get(0);
        assertThat(sessions.sessions()).isNotEmpty().allMatch(s -> s.excluded());
        assertThat(sessions.toPoints()).extracting(Point::measurement)
                .containsExactly("user_session_summary", "user_session_list");
        assertThat(sessions.toPoints().get(0).fields().get("session_count")).isEqualTo((long) sessions.sessionCount());
    }

    @Test
    void appNamesFromTheRepositoryNameTheDocsOfHealthSamples() throws Exception {
        SimulatedNode n = node("named");
        AppNameReader reader = new AppNameReader(runtime, published, new PollErrors(Clock.systemUTC(), "t"),
                Clock.systemUTC(), new AppNameReader.Settings(new ServerSettings.HostPort("127.0.0.1", n.repositoryPort()),
                        Duration.ofSeconds(20), "default", new io.butlersos.api.tls.TlsOptions(true, true),
                        "UserDirectory=Internal; UserId=sa_repository"));

        reader.refresh().get();

        assertThat(reader.apps()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(reader.refreshedAt()).isPresent();
        ServerPoller poller = new ServerPoller(runtime.timer(), runtime, runtime.connectionGate(), runtime.startPacer(),
                published, () -> reader, new PollErrors(Clock.systemUTC(), "t"), Clock.systemUTC());
        pollers.add(poller);
        poller.start(ServerSettings.from(TestSettings.config(serverConfig("named", n, "include_loaded_docs", true,
                "sessions_enabled", false, "jitter_ms", 0L))));
        CollectingPublisher.await("a sample", Duration.ofSeconds(20), () -> !published.health("named").isEmpty());
        HealthSample sample = published.health("named").get(0);
        List<String> known = sample.apps().loaded().ids().stream().filter(id -> reader.apps().containsKey(id)).toList();
        for (String id : known) {
            assertThat(sample.apps().loaded().appNames()).contains(reader.apps().get(id).name());
        }
        assertThat(sample.apps().loaded().includeNames()).isTrue();
    }

    @Test
    void aFailedRepositoryReadKeepsTheOldDirectoryAndReportsIt() throws Exception {
        SimulatedNode n = node("qrs");
        AppNameReader reader = new AppNameReader(runtime, published, new PollErrors(Clock.systemUTC(), "t"),
                Clock.systemUTC(), new AppNameReader.Settings(new ServerSettings.HostPort("127.0.0.1", n.repositoryPort()),
                        Duration.ofSeconds(20), "default", new io.butlersos.api.tls.TlsOptions(true, true), "UserDirectory=Internal; UserId=sa_repository"));
        reader.refresh().get();
        int known = reader.apps().size();

        site.stop("qrs");
        reader.refresh().get();

        assertThat(reader.apps()).hasSize(known);
        assertThat(published.errors("127.0.0.1")).extracting(ErrorSignal::errorType).contains("APP_NAMES_EXTRACT");
        List<PollResult> reads = published.polls("127.0.0.1").stream()
                .filter(p -> p.host().equals("127.0.0.1:" + n.repositoryPort())).toList();
        assertThat(reads).extracting(PollResult::kind).containsOnly(PollResult.Kind.APPS);
        assertThat(reads).extracting(PollResult::outcome).containsExactly("success", "failure");
        assertThat(reads.get(1).category()).isEqualTo(ErrorCategory.CONNECTION_REFUSED);
    }
}
