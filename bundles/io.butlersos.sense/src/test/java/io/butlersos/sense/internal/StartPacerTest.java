package io.butlersos.sense.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.butlersos.api.fixtures.MutableClock;

/** Start slots: spaced at the rate when many ask at once, immediate after a quiet spell, off at 0. */
class StartPacerTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T06:00:00Z"));

    /** How long from now the slot handed out is. */
    private Duration waitFor(StartPacer pacer) {
        return Duration.between(clock.instant(), pacer.nextSlot());
    }

    @Test
    void serversAskingTogetherGetSlotsOneIntervalOfTheRateApart() {
        StartPacer pacer = new StartPacer(25, clock);

        assertThat(waitFor(pacer)).isEqualTo(Duration.ZERO);
        assertThat(waitFor(pacer)).isEqualTo(Duration.ofMillis(40));
        assertThat(waitFor(pacer)).isEqualTo(Duration.ofMillis(80));
        clock.advance(Duration.ofMillis(50));
        assertThat(waitFor(pacer)).as("slots taken stay taken as time passes").isEqualTo(Duration.ofMillis(70));
    }

    @Test
    void afterAQuietSpellTheNextServerStartsAtOnce() {
        StartPacer pacer = new StartPacer(25, clock);
        for (int i = 0; i < 10; i++) {
            pacer.nextSlot();
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(waitFor(pacer)).isEqualTo(Duration.ZERO);
    }

    @Test
    void rateZeroStartsEveryServerAtOnce() {
        StartPacer pacer = new StartPacer(0, clock);

        for (int i = 0; i < 100; i++) {
            assertThat(waitFor(pacer)).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void aNewRateAppliesToTheSlotsTakenAfterIt() {
        StartPacer pacer = new StartPacer(1, clock);
        pacer.nextSlot();
        assertThat(waitFor(pacer)).isEqualTo(Duration.ofSeconds(1));

        pacer.setRate(10);

        assertThat(waitFor(pacer)).isEqualTo(Duration.ofSeconds(2));
        assertThat(waitFor(pacer)).isEqualTo(Duration.ofMillis(2100));
    }
}
