package io.butlersos.appenders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReceiverSettingsReaderTest {

    static final Map<String, Object> LOG = Map.of("bind.address", "10.0.0.5", "port", "19996", "source.engine", "true",
            "source.proxy", true, "source.repository", "true", "source.scheduler", "true");
    static final Map<String, Object> USER = Map.of("bind.address", "10.0.0.5", "port", 19997);

    @Test
    void aSpecificBindAddressIsWhereSenseSendsAndAllIsWell() {
        Receivers r = ReceiverSettingsReader.read(LOG, USER, "", () -> "agent.lab");
        assertThat(r.remoteAddress()).isEqualTo("10.0.0.5");
        assertThat(r.logPort()).isEqualTo(19996);
        assertThat(r.userPort()).isEqualTo(19997);
        assertThat(r.notes()).isEmpty();
        assertThat(r.refusedSources()).isEmpty();
    }

    @Test
    void theConfiguredRemoteAddressWins() {
        assertThat(ReceiverSettingsReader.read(LOG, USER, " butler.lab ", () -> "agent.lab").remoteAddress()).isEqualTo("butler.lab");
    }

    @Test
    void aWildcardBindUsesThisMachinesName() {
        Map<String, Object> all = Map.of("bind.address", "0.0.0.0", "source.engine", "true");
        Receivers r = ReceiverSettingsReader.read(all, USER, "", () -> "agent.lab");
        assertThat(r.remoteAddress()).isEqualTo("agent.lab");
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void theDefaultsWithoutConfigurationSayWhatIsMissing() {
        Receivers r = ReceiverSettingsReader.read(null, null, "", () -> "agent.lab");
        assertThat(r.remoteAddress()).isEqualTo("agent.lab");
        assertThat(r.logPort()).isEqualTo(9996);
        assertThat(r.userPort()).isEqualTo(9997);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("No log events receiver is configured (io.butlersos.events.log)"))
                .anyMatch(n -> n.startsWith("No user events receiver is configured (io.butlersos.events.user)"))
                .anyMatch(n -> n.startsWith("The receiver listens on 127.0.0.1 only"));
        // The events bundle's defaults: only QIX performance events are accepted.
        assertThat(r.refusedSources()).containsExactlyInAnyOrder("engine", "proxy", "repository", "scheduler", "user");
    }

    @Test
    void aSwitchedOffReceiverAndABadPortAreNoted() {
        Receivers r = ReceiverSettingsReader.read(Map.of("bind.address", "10.0.0.5", "enabled", "false", "port", "ninety"),
                USER, "", () -> "agent.lab");
        assertThat(r.logPort()).isEqualTo(9996);
        assertThat(r.notes()).contains("The log events receiver is switched off (io.butlersos.events.log enabled = false).",
                "io.butlersos.events.log port 'ninety' is not a port; 9996 is used here.");
    }
}
