package io.butlersos.hostinfo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.butlersos.api.fixtures.MutableClock;
import io.butlersos.api.hostinfo.HostFacts;
import org.junit.jupiter.api.Test;

class CachedHostInfoTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T00:00:00Z"));

    @Test
    void servesOneSnapshotForAMinuteThenReadsAgain() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<HostFacts> reader = () -> {
            reads.incrementAndGet();
            return JvmFacts.read(clock.instant(), Map.of());
        };
        CachedHostInfo info = new CachedHostInfo(reader, clock, Map.of());

        HostFacts first = info.facts();
        clock.advance(Duration.ofSeconds(59));
        assertThat(info.facts()).isSameAs(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(info.facts()).isNotSameAs(first);
        assertThat(reads).hasValue(2);
    }

    @Test
    void fallsBackToJvmFactsWhenTheNativeReaderFails() {
        CachedHostInfo info = new CachedHostInfo(() -> {
            throw new UnsatisfiedLinkError("jnidispatch blocked");
        }, clock, Map.of("butler_sos_instance", "X"));

        HostFacts facts = info.facts();

        assertThat(facts).isNotNull();
        assertThat(facts.cpuLogicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(facts.systemManufacturer()).isEqualTo("unknown");
        assertThat(facts.tags()).containsEntry("butler_sos_instance", "X");
        assertThat(info.lastFailure()).isInstanceOf(UnsatisfiedLinkError.class);
    }
}
