package io.butlersos.hostinfo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.butlersos.api.hostinfo.HostFacts;
import org.junit.jupiter.api.Test;

/** Reads this machine through the real OSHI and JNA, as the bundle does at run time. */
class OshiFactsReaderTest {

    private static final Instant T = Instant.parse("2026-11-29T00:00:00Z");

    @Test
    void readsThisHost() {
        HostFacts facts = new OshiFactsReader(Clock.fixed(T, ZoneOffset.UTC), Map.of("butler_sos_instance", "TEST"))
                .read();

        assertThat(facts.time()).isEqualTo(T);
        assertThat(facts.tags()).containsEntry("butler_sos_instance", "TEST");
        assertThat(facts.hostName()).isNotBlank().isEqualTo(facts.origin());
        assertThat(facts.osFamily()).isNotBlank();
        assertThat(facts.cpuLogicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(facts.cpuPhysicalCores()).isBetween(1, facts.cpuLogicalCores());
        assertThat(facts.memoryTotalBytes()).isPositive();
        assertThat(facts.memoryAvailableBytes()).isBetween(1L, facts.memoryTotalBytes());
        assertThat(facts.bootTime()).isBefore(Instant.now());
        assertThat(facts.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(facts.networkInterfaces()).allSatisfy(nif -> assertThat(nif.name()).isNotBlank());
        assertThat(facts.toPoints()).hasSize(1);
    }
}
