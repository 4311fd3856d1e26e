package io.butlersos.sink.influxdb.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** An {@link InfluxConfig} for tests: the annotation's defaults, overridden by method name. */
final class Configs {

    private Configs() {
    }

    /** The configuration of {@code base}, with {@code overrides} winning over it. */
    static InfluxConfig influx(Object[] base, Object... overrides) {
        Object[] all = new Object[base.length + overrides.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(overrides, 0, all, base.length, overrides.length);
        return influx(all);
    }

    static InfluxConfig influx(Object... overrides) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            values.put((String) overrides[i], overrides[i + 1]);
        }
        return (InfluxConfig) Proxy.newProxyInstance(InfluxConfig.class.getClassLoader(),
                new Class<?>[] {InfluxConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    if (method.getName().equals("annotationType")) {
                        return InfluxConfig.class;
                    }
                    return switch (method.getName()) {
                        case "toString" -> "InfluxConfig" + values;
                        case "hashCode" -> values.hashCode();
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
