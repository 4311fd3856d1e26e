package io.butlersos.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.ErrorSummary.ErrorCount;
import io.butlersos.api.agent.health.ErrorSummary;
import io.butlersos.api.fixtures.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T23:50:00Z"));
    private final ErrorTrackerComponent tracker = new ErrorTrackerComponent(clock);

    @AfterEach
    void stop() {
        tracker.deactivate();
    }

    private static ErrorSignal error(String type, String server, ErrorCategory category) {
        return new ErrorSignal(Instant.parse("2026-11-28T23:50:00Z"), "agent", type, server, "M", category,
                "failed", "", 0, Map.of());
    }

    private void activate(boolean enable) {
        tracker.activate(config(enable, true, 3600));
    }

    @Test
    void countsPerTypeServerAndCategory() {
        activate(true);
        tracker.write(List.of(
                error("HEALTH_API", "sense1", ErrorCategory.TIMEOUT),
                error("HEALTH_API", "sense1", ErrorCategory.TIMEOUT),
                error("HEALTH_API", "sense2", ErrorCategory.CONNECTION_REFUSED),
                error("INFLUXDB_V1_WRITE", "", ErrorCategory.HTTP_5XX)));

        ErrorSummary today = tracker.today();

        assertThat(today.day()).isEqualTo(LocalDate.parse("2026-11-28"));
        assertThat(today.total()).isEqualTo(4);
        assertThat(today.counts()).containsExactly(
                new ErrorCount("HEALTH_API", "sense1", "timeout", 2),
                new ErrorCount("HEALTH_API", "sense2", "connection_refused", 1),
                new ErrorCount("INFLUXDB_V1_WRITE", "", "http_5xx", 1));
    }

    @Test
    void startsAgainAtUtcMidnightAndKeepsThePreviousDay() {
        activate(true);
        tracker.write(List.of(error("PROXY_API", "s", ErrorCategory.AUTH_ERROR)));
        assertThat(tracker.previousDay()).isEmpty();

        clock.advance(Duration.ofMinutes(11));
        tracker.midnight();
        tracker.write(List.of(error("HEALTH_API", "s", ErrorCategory.TIMEOUT)));

        assertThat(tracker.today().day()).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(tracker.today().counts()).extracting(ErrorCount::errorType).containsExactly("HEALTH_API");
        assertThat(tracker.previousDay()).hasValueSatisfying(day -> {
            assertThat(day.day()).isEqualTo(LocalDate.parse("2026-11-28"));
            assertThat(day.total()).isEqualTo(1);
            assertThat(day.counts()).extracting(ErrorCount::errorType).containsExactly("PROXY_API");
        });
    }

    @Test
    void rollsOverOnTheFirstErrorOfANewDayEvenWithoutTheTimer() {
        activate(true);
        tracker.write(List.of(error("A", "", ErrorCategory.UNKNOWN)));
        clock.advance(Duration.ofHours(1));
        tracker.write(List.of(error("B", "", ErrorCategory.UNKNOWN)));

        assertThat(tracker.today().total()).isEqualTo(1);
        assertThat(tracker.previousDay()).map(ErrorSummary::total).hasValue(1L);
    }

    @Test
    void theRunningSummaryIsLoggedOnlyAfterNewErrors() {
        activate(true);
        assertThat(tracker.logRunningSummary()).isFalse();

        for (int i = 0; i < 1_000; i++) {
            tracker.write(List.of(error("MQTT_PUBLISH", "", ErrorCategory.MQTT_ERROR)));
        }
        // A thousand errors give one line per interval, not a thousand lines.
        assertThat(tracker.logRunningSummary()).isTrue();
        assertThat(tracker.logRunningSummary()).isFalse();

        tracker.write(List.of(error("MQTT_PUBLISH", "", ErrorCategory.MQTT_ERROR)));
        assertThat(tracker.logRunningSummary()).isTrue();
    }

    @Test
    void ignoresOtherSignalsAndNeverFailsAWrite() {
        activate(true);
        Signal other = new Signal() {
            @Override
            public String type() {
                return "agent.stats";
            }

            @Override
            public Instant time() {
                return Instant.EPOCH;
            }

            @Override
            public String origin() {
                return "x";
            }

            @Override
            public List<Point> toPoints() {
                return List.of();
            }
        };
        ErrorSignal sparse = new ErrorSignal(Instant.EPOCH, "x", null, null, null, null, null, null, 0, Map.of());

        assertThatCode(() -> tracker.write(List.of(other, sparse))).doesNotThrowAnyException();
        assertThat(tracker.today().counts()).containsExactly(new ErrorCount("UNKNOWN", "", "unknown", 1));
    }

    @Test
    void countsNothingWhenDisabled() {
        activate(false);
        tracker.write(List.of(error("HEALTH_API", "s", ErrorCategory.TIMEOUT)));
        assertThat(tracker.today().total()).isZero();
    }

    @Test
    void theTrackerCannotPublishSoItCannotFeedItsOwnInput() {
        // The loop Butler SOS has (an error point written through the failing sink, which fails and
        // counts a new error) needs a way back into the pipeline. The tracker has none: no publisher.
        List<Class<?>> fieldTypes = new ArrayList<>();
        for (var field : ErrorTrackerComponent.class.getDeclaredFields()) {
            fieldTypes.add(field.getType());
        }
        assertThat(fieldTypes).doesNotContain(SignalPublisher.class);
    }

    @Test
    void describesADayOnOneBoundedLine() {
        List<ErrorCount> counts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            counts.add(new ErrorCount("TYPE_" + (100 + i), "s", "timeout", 1));
        }
        String line = ErrorTally.describe(new ErrorSummary(LocalDate.EPOCH, 30, counts), 20);

        assertThat(line).startsWith("total=30; TYPE_100=1 servers{s=1} categories{timeout=1}")
                .endsWith("; ... 10 more types");
        assertThat(ErrorTally.describe(new ErrorSummary(LocalDate.EPOCH, 0, List.of()), 20)).isEqualTo("no errors");
    }

    static ErrorTrackingConfig config(boolean enable, boolean logSummary, long intervalS) {
        return new ErrorTrackingConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ErrorTrackingConfig.class;
            }

            @Override
            public boolean enable() {
                return enable;
            }

            @Override
            public boolean log_summary_enable() {
                return logSummary;
            }

            @Override
            public long log_summary_interval_s() {
                return intervalS;
            }
        };
    }
}
