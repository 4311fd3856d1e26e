package io.butlersos.sink.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Properties;

import io.butlersos.api.sink.Sink;
import org.junit.jupiter.api.Test;

/**
 * The shipped sample, read as FileInstall hands a {@code .cfg} to Config Admin (every value one string)
 * and converted as DS converts it, makes a working sink: the operator's copy works as it stands.
 */
class SampleConfigurationTest {

    private static final Path SAMPLE = Path.of("../../config/io.butlersos.sink.mqtt-local.cfg.sample");

    @Test
    void theSampleConfigurationMakesAWorkingSink() throws Exception {
        Properties cfg = new Properties();
        try (Reader in = Files.newBufferedReader(SAMPLE)) {
            cfg.load(in);
        }
        MqttConfig config = asDsWould(cfg);
        MqttSink sink = MqttSinks.create(config, name -> Optional.empty(), () -> null, "vm1");
        assertThat(sink.target()).isEqualTo("tcp://127.0.0.1:1883");
        Hashtable<String, Object> props = MqttSinkComponent.serviceProperties(config, java.util.Map.of());
        assertThat((String[]) props.get(Sink.SIGNAL_TYPES))
                .containsExactly("sense.health", "sense.sessions", "event.user", "event.log", "event.qix-perf");
        assertThat(props).doesNotContainKey(".password").containsEntry(Sink.NAME, "mqtt-local");
        assertThat(TopicSettings.of(config).userEventsTopic()).isEqualTo("qliksense/userevent");
    }

    /** Keys map to methods as DS maps them ({@code a.b} is {@code a_b()}, {@code .x} is {@code _x()}); strings are converted. */
    private static MqttConfig asDsWould(Properties cfg) {
        return (MqttConfig) Proxy.newProxyInstance(MqttConfig.class.getClassLoader(), new Class<?>[] {MqttConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return MqttConfig.class;
                    }
                    String value = cfg.getProperty(method.getName().replace('_', '.'));
                    return value == null ? method.getDefaultValue() : convert(method, value.trim());
                });
    }

    private static Object convert(Method method, String value) {
        Class<?> type = method.getReturnType();
        if (type == String[].class) {
            return new String[] {value};
        }
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        if (type == long.class) {
            return Long.parseLong(value);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }
}
