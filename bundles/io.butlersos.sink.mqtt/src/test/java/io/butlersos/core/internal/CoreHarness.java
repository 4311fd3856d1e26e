package io.butlersos.core.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkStatus;
import org.osgi.framework.Constants;

/**
 * The real delivery core ({@link SignalRouter}) outside a framework, for sink tests that must show a
 * sink loses nothing when driven the way the agent drives it. Lives in the core's package because the
 * router's life-cycle methods are package-private (DS calls them).
 */
public final class CoreHarness implements AutoCloseable {

    private final SignalRouter router = new SignalRouter();
    private long nextServiceId = 1;

    /** @param overrides core settings by method name, e.g. {@code retry_initial_ms} */
    public CoreHarness(Map<String, Object> overrides) {
        router.activate((CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(),
                new Class<?>[] {CoreConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return CoreConfig.class;
                    }
                    Object value = overrides.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                }));
    }

    public void bind(Sink sink, String pid, Map<String, Object> properties) {
        Map<String, Object> props = new HashMap<>(properties);
        props.put(Constants.SERVICE_ID, nextServiceId++);
        props.put(Constants.SERVICE_PID, pid);
        router.bindSink(sink, props);
    }

    public void publish(Signal signal) {
        router.publish(signal);
    }

    public List<SinkStatus> sinks() {
        return router.sinks();
    }

    @Override
    public void close() {
        router.deactivate();
    }
}
