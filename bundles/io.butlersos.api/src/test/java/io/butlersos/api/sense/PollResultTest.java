package io.butlersos.api.sense;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.json.Json;

class PollResultTest {

    static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aSuccessHasNoCategoryAndNoInfluxPoints() {
        PollResult r = new PollResult(T, "central", Map.of("server_name", "central"), PollResult.Kind.SESSIONS,
                "sense1:4243", "/hdr", null, 200, Duration.ofMillis(42));

        assertThat(r.type()).isEqualTo("sense.poll");
        assertThat(r.succeeded()).isTrue();
        assertThat(r.outcome()).isEqualTo("success");
        assertThat(r.kind().label()).isEqualTo("sessions");
        assertThat(r.requestDuration()).contains(Duration.ofMillis(42));
        // Butler SOS's schema has no such measurement: an InfluxDB output taking every type writes nothing.
        assertThat(r.toPoints()).isEmpty();
    }

    @Test
    void aFailureBeforeAnyRequestHasNoDurationAndANegativeOneIsClamped() {
        PollResult unsent = new PollResult(T, "central", Map.of(), PollResult.Kind.HEALTH, "sense1:4747", null,
                ErrorCategory.CERTIFICATE_ERROR, 0, null);
        PollResult backwards = new PollResult(T, "central", Map.of(), PollResult.Kind.APPS, "qrs:4242", "",
                ErrorCategory.TIMEOUT, 0, Duration.ofMillis(-5));

        assertThat(unsent.outcome()).isEqualTo("failure");
        assertThat(unsent.requestDuration()).isEmpty();
        assertThat(unsent.virtualProxy()).isEmpty();
        assertThat(backwards.duration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void itRendersAsJsonForTheFileOutput() {
        PollResult r = new PollResult(T, "central", Map.of(), PollResult.Kind.HEALTH, "sense1:4747", "",
                ErrorCategory.TIMEOUT, 0, Duration.ofMillis(5000));

        assertThat(Json.writeSignal(r)).startsWith("{\"type\":\"sense.poll\",\"time\":\"2026-11-28T10:00:00Z\"")
                .contains("\"kind\":\"HEALTH\"", "\"category\":\"TIMEOUT\"", "\"duration\":\"PT5S\"");
    }
}
