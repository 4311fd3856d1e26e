package io.butlersos.core.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a {@link CoreConfig} from its annotation defaults plus overrides, as DS would. */
final class TestConfigs {

    private TestConfigs() {
    }

    static CoreConfig core(Map<String, Object> overrides) {
        return (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(), new Class<?>[] {CoreConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return CoreConfig.class;
                    }
                    Object value = overrides.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }
}
