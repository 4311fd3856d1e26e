package io.butlersos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AgentUdpLoadOptionsTest {

    @Test
    void readsOptionsWithValuesAndFlags() {
        Map<String, String> options = AgentUdpLoad.options(new String[] {"--rate", "50000,100000", "--keep", "--seconds", "10"});

        assertThat(options).containsExactly(Map.entry("rate", "50000,100000"), Map.entry("keep", "true"),
                Map.entry("seconds", "10"));
        assertThatThrownBy(() -> AgentUdpLoad.options(new String[] {"100000"}))
                .hasMessageContaining("expected an option such as --rate, not '100000'");
    }

    @Test
    void readsCoreSettingsAsKeyValuePairs() {
        assertThat(AgentUdpLoad.keyValues("linger.ms=200, batch.size=5000")).containsExactly(
                Map.entry("linger.ms", "200"), Map.entry("batch.size", "5000"));
        assertThat(AgentUdpLoad.keyValues("")).isEmpty();
        assertThatThrownBy(() -> AgentUdpLoad.keyValues("linger.ms")).hasMessageContaining("key=value");
    }
}
