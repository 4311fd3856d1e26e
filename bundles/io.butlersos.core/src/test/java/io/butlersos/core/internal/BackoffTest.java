package io.butlersos.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @RepeatedTest(20)
    void doublesWithJitterBetweenHalfAndAll() {
        for (int attempt = 0; attempt < 5; attempt++) {
            long ceiling = 100L << attempt;
            assertThat(Backoff.delayMillis(attempt, 100, 60_000, Optional.empty()))
                    .isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void neverExceedsTheCapEvenAfterManyAttempts() {
        assertThat(Backoff.delayMillis(200, 100, 5_000, Optional.empty())).isBetween(2_500L, 5_000L);
    }

    @Test
    void honoursRetryAfter() {
        assertThat(Backoff.delayMillis(0, 100, 5_000, Optional.of(Duration.ofSeconds(30)))).isEqualTo(30_000);
    }
}
