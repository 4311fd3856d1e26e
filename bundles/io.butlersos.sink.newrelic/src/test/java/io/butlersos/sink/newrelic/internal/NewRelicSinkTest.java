package io.butlersos.sink.newrelic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.butlersos.api.Signal;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.fixtures.SampleSignals;
import io.butlersos.api.sink.SinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sink against a stand-in of the three New Relic ingest APIs over real HTTP. */
class NewRelicSinkTest {

    private FakeNewRelic fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeNewRelic();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private NewRelicSink sink(TestConfig config) {
        return new NewRelicSink(config, "0.1.0");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Test
    void healthSessionsAndAgentStatsGoToTheMetricApiUnderButlerSosNames() throws Exception {
        sink(TestConfig.pointingAt(fake)).write(List.of(SampleSignals.health("central", "14.5.4"),
                SampleSignals.sessions("central"), SampleSignals.stats()));

        assertThat(fake.requests).hasSize(1);
        FakeNewRelic.Request request = fake.requests.get(0);
        assertThat(request.path()).isEqualTo("/metric/v1");
        assertThat(request.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Team")).isEqualTo("monitoring");
        List<Object> blocks = list(request.body());
        assertThat(blocks).hasSize(3);

        Map<String, Object> health = map(blocks.get(0));
        Map<String, Object> common = map(health.get("common"));
        assertThat(common.get("timestamp")).isEqualTo(SampleSignals.T.toEpochMilli());
        assertThat(map(common.get("attributes"))).containsEntry("server_name", "central")
                .containsEntry("host", "central.lab").containsEntry("service", "butler-sos")
                .containsEntry("qs_env", "prod") // the server's own tag wins over the static one
                .containsEntry("butlerSosVersion", "0.1.0");
        Map<String, Object> byName = new java.util.HashMap<>();
        for (Object m : list(health.get("metrics"))) {
            assertThat(map(m)).containsEntry("type", "gauge");
            byName.put((String) map(m).get("name"), map(m).get("value"));
        }
        assertThat(byName).containsEntry("qs_memCommited", 1073741824.0).containsEntry("qs_cpuTotal", 12.5)
                .containsEntry("qs_engineSessionsTotal", 7L).containsEntry("qs_docsLoadedCount", 3L)
                .containsEntry("qs_cacheaAdded", 10L).containsEntry("qs_engineSaturated", 0L);

        Map<String, Object> sessions = map(blocks.get(1));
        assertThat(map(map(sessions.get("common")).get("attributes")))
                .containsEntry("user_session_virtual_proxy", "/").containsEntry("user_session_host", "central.lab:4243");
        assertThat(map(list(sessions.get("metrics")).get(0))).containsEntry("name", "qs_proxySessions")
                .containsEntry("value", 3L);
        assertThat(list(map(blocks.get(2)).get("metrics"))).extracting(m -> map(m).get("name"))
                .contains("qs_butlerSosHeapUsed", "qs_butlerSosUptimeMillisec");
    }

    @Test
    void userEventsGoToTheEventApiWithUserIdsUnderAKeyedHash() throws Exception {
        sink(TestConfig.pointingAt(fake)).write(List.of(SampleSignals.user("Start session")));

        FakeNewRelic.Request request = fake.requests.get(0);
        assertThat(request.path()).isEqualTo("/v1/accounts/1234567/events");
        Map<String, Object> event = map(list(request.body()).get(0));
        assertThat(event).containsEntry("eventType", "qs_userEvent").containsEntry("qs_event_action", "Start session")
                .containsEntry("qs_userId", hmac("k3y", "anna")).containsEntry("qs_userDirectory", hmac("k3y", "LAB"))
                .containsEntry("qs_userFull", hmac("k3y", "LAB\\anna"))
                .containsEntry("timestamp", SampleSignals.T.toEpochMilli());
        assertThat(request.json()).doesNotContain("anna");
    }

    @Test
    void anotherKeyGivesOtherPseudonymsAndScramblingCanBeTurnedOff() throws Exception {
        TestConfig other = TestConfig.pointingAt(fake);
        other.scrambleKey = "another key";
        sink(other).write(List.of(SampleSignals.user("Start session")));
        TestConfig plain = TestConfig.pointingAt(fake);
        plain.scramble = false;
        sink(plain).write(List.of(SampleSignals.user("Start session")));

        assertThat(map(list(fake.requests.get(0).body()).get(0)).get("qs_userId"))
                .isEqualTo(hmac("another key", "anna")).isNotEqualTo(hmac("k3y", "anna"));
        assertThat(map(list(fake.requests.get(1).body()).get(0))).containsEntry("qs_userId", "anna");
    }

    @Test
    void logEventsGoToTheEventApiAndOptionallyTheLogApiFilteredByLevel() throws Exception {
        TestConfig config = TestConfig.pointingAt(fake);
        config.logApi = true;
        sink(config).write(List.of(SampleSignals.log("WARN", LogSource.PROXY, "access-denied"),
                SampleSignals.log("INFO", LogSource.PROXY, null)));

        List<FakeNewRelic.Request> events = fake.to("/events");
        assertThat(events).hasSize(1);
        List<Object> sent = list(events.get(0).body());
        assertThat(sent).hasSize(1);
        assertThat(map(sent.get(0))).containsEntry("eventType", "qs_logEvent").containsEntry("qs_log_level", "WARN")
                .containsEntry("qs_log_source", "qseow-proxy").containsEntry("qs_log_category", "access-denied")
                .containsEntry("qs_user_id", hmac("k3y", "anna")).containsEntry("service", "butler-sos");

        List<FakeNewRelic.Request> logs = fake.to("/log/v1");
        assertThat(logs).hasSize(1);
        Map<String, Object> record = map(list(map(list(logs.get(0).body()).get(0)).get("logs")).get(0));
        assertThat(record).containsEntry("message", "Access denied")
                .containsEntry("timestamp", SampleSignals.T.toEpochMilli());
        assertThat(map(record.get("attributes"))).containsEntry("level", "WARN").containsEntry("logtype", "qs_logEvent");
    }

    @Test
    void logSourcesNarrowLogEventsPerSenseServiceWithLevelsOfTheirOwn() throws Exception {
        TestConfig config = TestConfig.pointingAt(fake);
        // Butler SOS's logEvents.sendToNewRelic.source: proxy errors only, the engine at the account's levels, no scheduler.
        config.logSources = new String[] {"proxy=ERROR|FATAL", "engine"};
        sink(config).write(List.of(SampleSignals.log("WARN", LogSource.PROXY, "proxy-warn"),
                SampleSignals.log("ERROR", LogSource.PROXY, "proxy-error"),
                SampleSignals.log("WARN", LogSource.ENGINE, "engine-warn"),
                SampleSignals.log("ERROR", LogSource.SCHEDULER, "scheduler-error")));

        List<Object> sent = list(fake.to("/events").get(0).body());
        assertThat(sent).extracting(e -> map(e).get("qs_log_category")).containsExactly("proxy-error", "engine-warn");
    }

    @Test
    void anUnknownLogSourceIsRefusedAtActivationNamingTheKey() {
        TestConfig config = TestConfig.pointingAt(fake);
        config.logSources = new String[] {"engine", "qmc=ERROR"};
        assertThatThrownBy(() -> sink(config)).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "log.sources entries are a Sense service (engine, proxy, repository, scheduler) with optional levels, "
                        + "e.g. proxy=ERROR|WARN; not 'qmc=ERROR'");
    }

    @Test
    void rateLimitAndServerErrorsAreRetriableAndHonourRetryAfter() throws Exception {
        NewRelicSink sink = sink(TestConfig.pointingAt(fake));
        fake.answer(429, Map.of("Retry-After", "7"));
        assertThatThrownBy(() -> sink.write(List.of(SampleSignals.user("Start session"))))
                .asInstanceOf(type(SinkException.class)).satisfies(e -> {
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
                    assertThat(e.getMessage()).contains("429").doesNotContain(FakeNewRelic.KEY);
                });
        fake.answer(503, Map.of());
        assertThatThrownBy(() -> sink.write(List.of(SampleSignals.user("Start session"))))
                .asInstanceOf(type(SinkException.class)).satisfies(e -> {
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.retryAfter()).isEmpty();
                });
    }

    @Test
    void tooLargeIsReportedForSplittingAndOtherRefusalsArePermanent() throws Exception {
        NewRelicSink sink = sink(TestConfig.pointingAt(fake));
        fake.answer(413, Map.of());
        assertThatThrownBy(() -> sink.write(List.of(SampleSignals.user("Start session"))))
                .asInstanceOf(type(SinkException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(SinkException.Kind.BATCH_TOO_LARGE));

        TestConfig wrongKey = TestConfig.pointingAt(fake);
        wrongKey.insertKey = "wrong-key";
        assertThatThrownBy(() -> sink(wrongKey).write(List.of(SampleSignals.user("Start session"))))
                .asInstanceOf(type(SinkException.class)).satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(SinkException.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("answered 403 for account 'test'").doesNotContain("wrong-key");
                });
    }

    @Test
    void aRetryAfterAPartlyFailedBatchDoesNotResendWhatWentThrough() throws Exception {
        NewRelicSink sink = sink(TestConfig.pointingAt(fake));
        List<Signal> batch = List.of(SampleSignals.health("central", "14.5.4"), SampleSignals.user("Start session"));
        fake.answer(202, Map.of()); // the metric request
        fake.answer(503, Map.of()); // the event request
        assertThatThrownBy(() -> sink.write(batch)).isInstanceOf(SinkException.class);

        sink.write(batch); // the core's retry

        assertThat(fake.to("/metric/v1")).hasSize(1);
        assertThat(fake.to("/events")).hasSize(2);
    }

    @Test
    void aRefusedRequestRejectsOnlyItsOwnSignals() throws Exception {
        NewRelicSink sink = sink(TestConfig.pointingAt(fake));
        fake.answer(202, Map.of()); // metrics
        fake.answer(400, Map.of()); // events
        assertThatThrownBy(() -> sink.write(List.of(SampleSignals.health("central", "14.5.4"),
                SampleSignals.user("Start session")))).asInstanceOf(type(SinkException.class)).satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(SinkException.Kind.PERMANENT);
                    assertThat(e.rejectedIndices()).containsExactly(1);
                });
    }

    @Test
    void largeBatchesAreSplitUnderOneMegabyteAndLongValuesAreCut() throws Exception {
        TestConfig config = TestConfig.pointingAt(fake);
        config.gzip = false; // uncompressed, so 600 events of 4 KB are well over 1 MB
        config.maxItems = 250;
        String longMessage = "x".repeat(10_000);
        List<Signal> batch = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            batch.add(SampleSignals.logWithMessage("ERROR", longMessage));
        }
        sink(config).write(batch);

        List<FakeNewRelic.Request> posts = fake.to("/events");
        assertThat(posts.size()).isGreaterThanOrEqualTo(3);
        int events = 0;
        for (FakeNewRelic.Request post : posts) {
            assertThat(post.bytesAsSent()).isLessThanOrEqualTo(1_000_000);
            List<Object> sent = list(post.body());
            assertThat(sent.size()).isLessThanOrEqualTo(250);
            for (Object e : sent) {
                assertThat((String) map(e).get("qs_message")).hasSize(4096);
                assertThat(map(e).size()).isLessThanOrEqualTo(254);
            }
            events += sent.size();
        }
        assertThat(events).isEqualTo(600);
    }

    @Test
    void payloadsNeverExceedTheByteLimitAndARecordThatCannotFitIsReported() {
        Payloads payloads = new Payloads(Payloads.Shape.ARRAY, 1000, false, 10_000);
        List<Payloads.Item> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(Payloads.item(i, Map.of("v", "y".repeat(900))));
        }
        items.add(Payloads.item(50, Map.of("v", "z".repeat(20_000))));
        Payloads.Packed packed = payloads.pack(items);

        assertThat(packed.tooLarge()).containsExactly(50);
        assertThat(packed.posts()).allSatisfy(p -> assertThat(p.body().length).isLessThanOrEqualTo(10_000));
        assertThat(packed.posts().stream().mapToInt(Payloads.Post::records).sum()).isEqualTo(50);
    }

    @Test
    void limitsCutNamesValuesAndAttributeCounts() {
        Map<String, Object> many = new java.util.LinkedHashMap<>();
        many.put("n".repeat(300), "v");
        many.put("emoji", "a".repeat(4095) + "\uD83D\uDE00");
        for (int i = 0; i < 300; i++) {
            many.put("a" + i, i);
        }
        Map<String, Object> cut = Limits.apply(many, Limits.EVENT_MAX_ATTRIBUTES, Limits.EVENT_MAX_VALUE_CHARS);
        assertThat(cut).hasSize(254).containsKey("n".repeat(255));
        assertThat((String) cut.get("emoji")).hasSize(4095); // not half a surrogate pair
    }

    @Test
    void regionsAndCustomUrlsGiveTheRightEndpoints() {
        TestConfig eu = new TestConfig();
        eu.region = "EU";
        Endpoints endpoints = Endpoints.of(eu);
        assertThat(endpoints.metric()).hasToString("https://metric-api.eu.newrelic.com/metric/v1");
        assertThat(endpoints.event()).hasToString("https://insights-collector.eu01.nr-data.net/v1/accounts/1234567/events");
        assertThat(endpoints.log()).hasToString("https://log-api.eu.newrelic.com/log/v1");

        TestConfig us = new TestConfig();
        assertThat(Endpoints.of(us).metric()).hasToString("https://metric-api.newrelic.com/metric/v1");
        assertThat(Endpoints.of(us).event()).hasToString("https://insights-collector.newrelic.com/v1/accounts/1234567/events");

        TestConfig custom = new TestConfig();
        custom.metricUrl = "https://proxy.example/nr/metric";
        assertThat(Endpoints.of(custom).metric()).hasToString("https://proxy.example/nr/metric");

        TestConfig badId = new TestConfig();
        badId.accountId = "acme";
        assertThatThrownBy(() -> Endpoints.of(badId)).hasMessage(
                "account.id must be the numeric New Relic account id, not 'acme'");
        TestConfig badRegion = new TestConfig();
        badRegion.region = "APAC";
        assertThatThrownBy(() -> Endpoints.of(badRegion)).hasMessage("region must be US or EU, not 'APAC'");
    }

    @Test
    void aMissingInsertKeyIsRefusedAtActivation() {
        TestConfig config = TestConfig.pointingAt(fake);
        config.insertKey = "";
        assertThatThrownBy(() -> sink(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the insert key of New Relic account 'test' is empty: set .insert.key");
    }

    private static String hmac(String key, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
