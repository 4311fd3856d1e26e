package io.butlersos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JettySettingsTest {

    @Test
    void defaultsListenOnLoopbackOverPlainHttpOnTheDocumentedPort() throws Exception {
        Hashtable<String, Object> jetty = JettySettings.of(TestConfigs.web());
        assertThat(jetty).containsEntry("org.apache.felix.http.host", "127.0.0.1")
                .containsEntry("org.osgi.service.http.port", 9850)
                .containsEntry("org.apache.felix.http.enable", true)
                .containsEntry("org.apache.felix.https.enable", false)
                .containsEntry("org.apache.felix.http.name", "butlersos-web")
                .containsEntry("org.apache.felix.http.jetty.sendServerHeader", false);
        assertThat(WebConfig.DEFAULT_PORT).isNotIn(9842, 9001, 3100, 12398, 9996, 9997, 8080);
    }

    @Test
    void tlsSwitchesToHttpsWithTheKeyStore(@TempDir Path dir) throws Exception {
        Path keystore = Files.writeString(dir.resolve("web.p12"), "not read here");
        Hashtable<String, Object> jetty = JettySettings.of(TestConfigs.web("tls_enabled", true,
                "tls_keystore", keystore.toString(), "_tls_keystore_password", "changeit", "port", 9443));
        assertThat(jetty).containsEntry("org.apache.felix.https.enable", true)
                .containsEntry("org.apache.felix.http.enable", false)
                .containsEntry("org.osgi.service.http.port.secure", 9443)
                .containsEntry("org.apache.felix.https.keystore", keystore.toAbsolutePath().toString())
                .containsEntry("org.apache.felix.https.keystore.type", "PKCS12")
                .containsEntry("org.apache.felix.https.keystore.password", "changeit")
                .containsEntry("org.apache.felix.https.keystore.key.password", "changeit");
    }

    @Test
    void badSettingsAreRefusedNamingTheKey(@TempDir Path dir) {
        assertThatThrownBy(() -> JettySettings.of(TestConfigs.web("tls_enabled", true)))
                .hasMessageContaining("tls.keystore is empty");
        assertThatThrownBy(() -> JettySettings.of(TestConfigs.web("tls_enabled", true,
                "tls_keystore", dir.resolve("missing.p12").toString())))
                .hasMessageContaining("tls.keystore").hasMessageContaining("missing.p12");
        assertThatThrownBy(() -> JettySettings.of(TestConfigs.web("port", 70000))).hasMessageContaining("port 70000");
        assertThatThrownBy(() -> JettySettings.of(TestConfigs.web("host", " "))).hasMessageContaining("host is empty");
    }

    @Test
    void anOpenHostNeedsAuthentication() throws Exception {
        assertThatThrownBy(() -> JettySettings.of(TestConfigs.web("host", "0.0.0.0")))
                .hasMessageContaining("auth is 'none'");
        Hashtable<String, Object> jetty = JettySettings.of(TestConfigs.web("host", "0.0.0.0", "auth", "bearer",
                "_auth_token", "a-token-of-sixteen-or-more"));
        assertThat(jetty).containsEntry("org.apache.felix.http.host", "0.0.0.0");
        assertThat(JettySettings.isLoopback("localhost")).isTrue();
        assertThat(JettySettings.isLoopback("::1")).isTrue();
        assertThat(JettySettings.isLoopback("0.0.0.0")).isFalse();
    }
}
