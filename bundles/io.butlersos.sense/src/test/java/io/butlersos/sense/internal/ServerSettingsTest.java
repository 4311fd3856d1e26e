package io.butlersos.sense.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void splitsHostAndPortAndBuildsTheServerTags() {
        ServerSettings s = ServerSettings.from(TestSettings.config(Map.of("server_name", "central",
                "server_description", "Central node", "host", "sense1.corp:4747",
                "server_tags", new String[] {"env=PROD", "site = Lund"},
                "headers", new String[] {"X-Qlik-User: UserDirectory=Internal; UserId=sa_repository"})));

        assertThat(s.engine().authority()).isEqualTo("sense1.corp:4747");
        assertThat(s.proxy().authority()).isEqualTo("sense1.corp:4243");
        assertThat(s.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("host", "sense1.corp", "server_name", "central",
                "server_description", "Central node", "env", "PROD", "site", "Lund"));
        assertThat(s.headers()).containsEntry("X-Qlik-User", "UserDirectory=Internal; UserId=sa_repository");
    }

    @Test
    void hostWithoutPortUsesTheConfiguredPortsAndIpv6Works() {
        ServerSettings s = ServerSettings.from(TestSettings.config(Map.of("server_name", "a", "host", "[::1]",
                "engine_port", 14747, "proxy_host", "[::1]:14243")));

        assertThat(s.engine().authority()).isEqualTo("[::1]:14747");
        assertThat(s.proxy().authority()).isEqualTo("[::1]:14243");
        assertThat(s.tags()).containsEntry("host", "::1");
    }

    @Test
    void badValuesAreRefusedNamingTheAttribute() {
        assertThatThrownBy(() -> ServerSettings.from(TestSettings.config(Map.of("host", "x"))))
                .hasMessage("server.name is required");
        assertThatThrownBy(() -> ServerSettings.from(TestSettings.config(Map.of("server_name", "a", "host", "x:port"))))
                .hasMessageContaining("host 'x:port' has a port that is not a number");
        assertThatThrownBy(() -> ServerSettings.from(TestSettings.config(Map.of("server_name", "a", "host", "x",
                "exclude_users", new String[] {"anna"})))).hasMessageStartingWith("exclude.users entry 'anna'");
        assertThatThrownBy(() -> ServerSettings.from(TestSettings.config(Map.of("server_name", "a", "host", "x",
                "server_tags", new String[] {"novalue"})))).hasMessageStartingWith("server.tags entry 'novalue'");
    }

    @Test
    void virtualProxiesAreNormalisedToPaths() {
        assertThat(ServerSettings.sessionPath("/")).isEqualTo("/qps/session");
        assertThat(ServerSettings.sessionPath("/hdr")).isEqualTo("/qps/hdr/session");
        assertThat(ServerSettings.sessionPath("hdr")).isEqualTo("/qps/hdr/session");
    }
}
