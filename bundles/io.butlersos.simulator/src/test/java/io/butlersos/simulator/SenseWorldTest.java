package io.butlersos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SenseWorldTest {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void sameSeedSameStepGivesTheSameValues() {
        SenseWorld a = new SenseWorld(7, 20, 30, Duration.ofSeconds(5), EPOCH);
        SenseWorld b = new SenseWorld(7, 20, 30, Duration.ofSeconds(5), EPOCH);
        Instant t = EPOCH.plusSeconds(123);

        assertThat(a.engineAt("n1", t)).isEqualTo(b.engineAt("n1", t));
        assertThat(a.sessionsAt("n1", "/", t)).isEqualTo(b.sessionsAt("n1", "/", t));
        assertThat(a.apps()).isEqualTo(b.apps());
    }

    @Test
    void valuesMoveOverTimeAndDifferPerNode() {
        SenseWorld world = new SenseWorld(7, 20, 30, Duration.ofSeconds(5), EPOCH);
        Set<Double> memory = new HashSet<>();
        Set<Integer> sessionCounts = new HashSet<>();
        Set<Integer> loadedCounts = new HashSet<>();
        for (int step = 0; step < 40; step++) {
            Instant t = EPOCH.plusSeconds(5L * step);
            SenseWorld.EngineState e = world.engineAt("n1", t);
            memory.add(e.memCommitted());
            loadedCounts.add(e.loadedDocs().size());
            sessionCounts.add(world.sessionsAt("n1", "/", t).size());
        }
        assertThat(memory).hasSizeGreaterThan(5);
        assertThat(sessionCounts).hasSizeGreaterThan(2);
        assertThat(loadedCounts).hasSizeGreaterThan(2);
        assertThat(world.engineAt("n1", EPOCH.plusSeconds(60)))
                .isNotEqualTo(world.engineAt("n2", EPOCH.plusSeconds(60)));
    }
}
