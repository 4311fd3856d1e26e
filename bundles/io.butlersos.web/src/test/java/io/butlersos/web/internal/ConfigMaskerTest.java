package io.butlersos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.butlersos.api.json.Json;
import org.junit.jupiter.api.Test;

class ConfigMaskerTest {

    @Test
    void metatypePasswordsAndSecretLookingKeysAreMasked() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("service.pid", "io.butlersos.sink.influxdb~main");
        props.put("url", "http://127.0.0.1:8086");
        props.put("credential", "described-as-password");
        props.put(".token", "hidden-by-dot");
        props.put("api.token", "hidden-by-word");
        props.put("client.Secret", "hidden-by-word");
        props.put("insert.key", "hidden-by-word");
        props.put("mqtt.password", "");
        props.put("tags", new String[] {"env=prod", "dc=1"});
        props.put("port", 8086);

        Map<String, Object> masked = ConfigMasker.mask(props, Set.of("credential"));

        assertThat(masked).containsEntry("url", "http://127.0.0.1:8086")
                .containsEntry("credential", ConfigMasker.MASK)
                .containsEntry(".token", ConfigMasker.MASK)
                .containsEntry("api.token", ConfigMasker.MASK)
                .containsEntry("client.Secret", ConfigMasker.MASK)
                .containsEntry("insert.key", ConfigMasker.MASK)
                .containsEntry("mqtt.password", "")
                .containsEntry("tags", List.of("env=prod", "dc=1"))
                .containsEntry("port", 8086);
        String json = Json.write(masked);
        assertThat(json).doesNotContain("described-as-password", "hidden-by-dot", "hidden-by-word");
        assertThat(json).startsWith("{\".token\":\"********\",\"api.token\"");
    }

    @Test
    void ordinaryKeysAreNotTakenForSecrets() {
        assertThat(ConfigMasker.looksSecret("host")).isFalse();
        assertThat(ConfigMasker.looksSecret("server.name")).isFalse();
        assertThat(ConfigMasker.looksSecret(".auth.password")).isTrue();
        assertThat(ConfigMasker.looksSecret("tls.keystore")).isTrue();
        assertThat(ConfigMasker.looksSecret("key.passphrase")).isTrue();
    }
}
