package io.butlersos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.json.Json;
import io.butlersos.api.sink.SinkStatus;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final SourceExpectation CENTRAL = new SourceExpectation(SourceExpectation.SENSE_SERVER, "central",
            "io.butlersos.sense.server~central", Duration.ofSeconds(90));
    private static final SourceExpectation LOG = new SourceExpectation(SourceExpectation.UDP_RECEIVER, "log_events",
            "io.butlersos.events.log", Duration.ofSeconds(60));

    private final Readiness readiness = new Readiness(90);

    private Readiness.Report evaluate(List<SourceExpectation> expected, Map<String, Instant> successes,
            Map<String, ErrorSignal> errors, List<SinkStatus> sinks) {
        return readiness.evaluate(new Readiness.Facts(expected,
                e -> Optional.ofNullable(successes.get(e.name())),
                e -> Optional.ofNullable(errors.get(e.name())), sinks), NOW);
    }

    @Test
    void readyWhenEverySourceSucceededRecentlyAndEverySinkDelivers() {
        Readiness.Report report = evaluate(List.of(CENTRAL, LOG),
                Map.of("central", NOW.minusSeconds(30), "log_events", NOW.minusSeconds(59)), Map.of(),
                List.of(Samples.sink("file", true, 10, 100, NOW.minusSeconds(1), null, null),
                        Samples.sink("idle", true, 0, 100, null, null, null)));
        assertThat(report.ready()).isTrue();
        assertThat(report.problems()).isEmpty();
        String json = Json.write(report.toJson());
        assertThat(json).startsWith("{\"status\":\"READY\",\"ready\":true,\"checkedAt\":\"2026-03-01T12:00:00Z\"")
                .contains("\"name\":\"central\",\"ready\":true,\"reason\":\"\",\"pid\":\"io.butlersos.sense.server~central\"")
                .contains("\"ageS\":30")
                .contains("\"queueFillPct\":10.0");
    }

    @Test
    void aSourceWithoutRecentSuccessMakesItNotReadyAndSaysWhy() {
        ErrorSignal timeout = Samples.error("central", NOW.minusSeconds(5), "health check timed out after 5000 ms");
        Readiness.Report stale = evaluate(List.of(CENTRAL), Map.of("central", NOW.minusSeconds(91)),
                Map.of("central", timeout), List.of());
        assertThat(stale.ready()).isFalse();
        assertThat(stale.problems()).containsExactly(
                "sense.server 'central': last success 91 s ago, more than 90 s; last error: health check timed out after 5000 ms");

        Readiness.Report never = evaluate(List.of(CENTRAL), Map.of(), Map.of(), List.of());
        assertThat(never.ready()).isFalse();
        assertThat(never.problems()).containsExactly("sense.server 'central': no success yet");
        assertThat(Json.write(never.toJson())).contains("\"status\":\"NOT_READY\"").contains("\"lastSuccess\":null");
    }

    @Test
    void anOldErrorBeforeTheLastSuccessIsNotHeldAgainstAFreshSource() {
        ErrorSignal old = Samples.error("central", NOW.minusSeconds(600), "refused");
        Readiness.Report report = evaluate(List.of(CENTRAL), Map.of("central", NOW.minusSeconds(10)),
                Map.of("central", old), List.of());
        assertThat(report.ready()).isTrue();
    }

    @Test
    void sinksThatFailFillUpOrVanishWithABacklogAreNotDelivering() {
        Readiness.Report report = evaluate(List.of(), Map.of(), Map.of(), List.of(
                Samples.sink("influxdb", true, 0, 100, NOW.minusSeconds(60), "HTTP 503 from influxdb", NOW.minusSeconds(2)),
                Samples.sink("mqtt", true, 95, 100, NOW.minusSeconds(1), null, null),
                Samples.sink("gone", false, 7, 100, null, null, null),
                Samples.sink("removed", false, 0, 100, NOW.minusSeconds(500), null, null),
                Samples.sink("recovered", true, 0, 100, NOW.minusSeconds(1), "HTTP 503", NOW.minusSeconds(30))));
        assertThat(report.ready()).isFalse();
        assertThat(report.problems()).containsExactly(
                "sink 'influxdb': its last write failed: HTTP 503 from influxdb",
                "sink 'mqtt': queue 95% full (limit 90%)",
                "sink 'gone': gone, with 7 signals waiting for it");
    }

    @Test
    void withoutTheDeliveryCoreNothingIsReady() {
        Readiness.Report report = evaluate(List.of(), Map.of(), Map.of(), null);
        assertThat(report.ready()).isFalse();
        assertThat(report.problems()).containsExactly("the delivery core (io.butlersos.core) is not running");
    }
}
