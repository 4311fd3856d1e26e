package io.butlersos.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TypeFilterTest {

    @Test
    void absentOrStarTakesEverything() {
        assertThat(TypeFilter.of(null).accepts("anything")).isTrue();
        assertThat(TypeFilter.of("*").accepts("sense.health")).isTrue();
    }

    @Test
    void matchesExactNamesAndPrefixes() {
        TypeFilter filter = TypeFilter.of(new String[] {"sense.*", "event.log"});
        assertThat(filter.accepts("sense.health")).isTrue();
        assertThat(filter.accepts("sense.sessions")).isTrue();
        assertThat(filter.accepts("event.log")).isTrue();
        assertThat(filter.accepts("event.user")).isFalse();
        assertThat(filter.accepts("sensex")).isFalse();
    }

    @Test
    void readsCommaSeparatedStringsAndCollections() {
        assertThat(TypeFilter.of("event.log, agent.*").accepts("agent.sink")).isTrue();
        assertThat(TypeFilter.of(List.of("event.user")).accepts("event.user")).isTrue();
        assertThat(TypeFilter.of(List.of("event.user")).accepts("event.log")).isFalse();
    }
}
