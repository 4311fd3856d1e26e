package io.butlersos.sense.internal;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;

/** Builds configurations as Config Admin would hand them over: defaults plus the values given. */
final class TestSettings {

    private TestSettings() {
    }

    static ServerSettings server(String name, String host, boolean sessions) {
        return ServerSettings.from(config(Map.of("server_name", name, "host", host, "sessions_enabled", sessions)));
    }

    /** A {@link SenseServerConfig} whose methods return the given values or their declared defaults. */
    static SenseServerConfig config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        return (SenseServerConfig) java.lang.reflect.Proxy.newProxyInstance(TestSettings.class.getClassLoader(),
                new Class<?>[] {SenseServerConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return SenseServerConfig.class;
                    }
                    if (all.containsKey(method.getName())) {
                        return all.get(method.getName());
                    }
                    Object d = method.getDefaultValue();
                    if (d == null && method.getDeclaringClass() == Annotation.class) {
                        return null;
                    }
                    return d;
                });
    }
}
