package io.butlersos.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class SafeUrlTest {

    @Test
    void dropsUserInfoAndQuery() {
        assertThat(SafeUrl.of(URI.create("https://user:pw@mon.example:8443/hb/x?key=abc#f")))
                .isEqualTo("https://mon.example:8443/hb/x");
    }

    @Test
    void refusesOtherSchemesAndNamesTheKey() {
        assertThatThrownBy(() -> SafeUrl.parse("heartbeat remote.url", "ftp://x/"))
                .hasMessage("heartbeat remote.url must start with http:// or https://, not 'ftp:'");
        assertThatThrownBy(() -> SafeUrl.parse("heartbeat remote.url", "not a url"))
                .hasMessageStartingWith("heartbeat remote.url is not a valid URL");
    }
}
