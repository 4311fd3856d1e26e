package io.butlersos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noneAcceptsEveryRequest() throws Exception {
        Authenticator auth = Authenticator.of(AuthMode.NONE, "", "", "");
        assertThat(auth.accepts(null)).isTrue();
        assertThat(auth.accepts("Basic garbage")).isTrue();
    }

    @Test
    void basicAcceptsOnlyTheConfiguredUserAndPassword() throws Exception {
        Authenticator auth = Authenticator.of(AuthMode.BASIC, "ops", "s3cret:with colon", "");
        assertThat(auth.accepts(basic("ops", "s3cret:with colon"))).isTrue();
        assertThat(auth.accepts("basic " + basic("ops", "s3cret:with colon").substring(6))).isTrue();
        assertThat(auth.accepts(basic("ops", "s3cret"))).isFalse();
        assertThat(auth.accepts(basic("other", "s3cret:with colon"))).isFalse();
        assertThat(auth.accepts(null)).isFalse();
        assertThat(auth.accepts("Basic !!!not-base64")).isFalse();
        assertThat(auth.accepts("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()))).isFalse();
        assertThat(auth.accepts("Bearer s3cret:with colon")).isFalse();
        assertThat(auth.challenge()).startsWith("Basic realm=");
    }

    @Test
    void bearerAcceptsOnlyTheConfiguredToken() throws Exception {
        Authenticator auth = Authenticator.of(AuthMode.BEARER, "", "", "0123456789abcdef-token");
        assertThat(auth.accepts("Bearer 0123456789abcdef-token")).isTrue();
        assertThat(auth.accepts("Bearer 0123456789abcdef-tokeN")).isFalse();
        assertThat(auth.accepts("Bearer 0123456789abcdef")).isFalse();
        assertThat(auth.accepts(basic("x", "0123456789abcdef-token"))).isFalse();
        assertThat(auth.challenge()).startsWith("Bearer realm=");
    }

    @Test
    void missingSecretsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> Authenticator.of(AuthMode.BASIC, "", "pw", ""))
                .hasMessageContaining("auth.user");
        assertThatThrownBy(() -> Authenticator.of(AuthMode.BASIC, "ops", "", ""))
                .hasMessageContaining(".auth.password");
        assertThatThrownBy(() -> Authenticator.of(AuthMode.BASIC, "a:b", "pw", ""))
                .hasMessageContaining("':'");
        assertThatThrownBy(() -> Authenticator.of(AuthMode.BEARER, "", "", "short"))
                .hasMessageContaining(".auth.token").hasMessageContaining("16");
        assertThatThrownBy(() -> AuthMode.of("digest")).hasMessageContaining("auth 'digest'");
    }
}
