package io.butlersos.api.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SinkExceptionTest {

    @Test
    void retriableCarriesItsKindAndOptionalDelay() {
        assertThat(SinkException.retriable("down", null).isRetriable()).isTrue();
        assertThat(SinkException.retriable("down", null).retryAfter()).isEmpty();
        assertThat(SinkException.retriableAfter("slow down", Duration.ofSeconds(3)).retryAfter())
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void partialNamesSortedDistinctIndices() {
        SinkException e = SinkException.partial("2 bad points", List.of(4, 1, 4));
        assertThat(e.kind()).isEqualTo(SinkException.Kind.PERMANENT);
        assertThat(e.rejectedIndices()).containsExactly(1, 4);
        assertThatThrownBy(() -> SinkException.partial("none", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void permanentWithoutIndicesMeansTheWholeBatch() {
        SinkException e = SinkException.permanent("401", null);
        assertThat(e.isRetriable()).isFalse();
        assertThat(e.rejectedIndices()).isEmpty();
        assertThat(SinkException.batchTooLarge("413").kind()).isEqualTo(SinkException.Kind.BATCH_TOO_LARGE);
    }
}
