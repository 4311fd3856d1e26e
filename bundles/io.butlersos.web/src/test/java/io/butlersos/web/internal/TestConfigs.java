package io.butlersos.web.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** WebConfig instances for tests: the annotation's defaults, with some attributes replaced. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** Overrides as method name / value pairs, e.g. {@code web("port", 1234)}. */
    static WebConfig web(Object... overrides) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return (WebConfig) Proxy.newProxyInstance(WebConfig.class.getClassLoader(), new Class<?>[] {WebConfig.class},
                (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    if (method.getName().equals("annotationType")) {
                        return WebConfig.class;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
