package io.butlersos.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * The hook's life cycle without a framework: registered on activation, gone after deactivation (a stopped or
 * refreshed bundle must not leave a hook behind), and when run it stops the system bundle and returns once that
 * has stopped. The packaged agent's SIGTERM path is proved end to end by {@code PackagedAgentStartupTest}.
 */
class FrameworkStopOnSignalTest {

    /** A system bundle that is ACTIVE until stopped, then RESOLVED; counts its stop calls. */
    private static final class SystemBundle {
        final AtomicInteger stops = new AtomicInteger();
        volatile int state = Bundle.ACTIVE;
        final Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> state;
                    case "stop" -> {
                        stops.incrementAndGet();
                        state = Bundle.RESOLVED;
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        BundleContext context() {
            return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                    new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getBundle") && args != null
                                && Constants.SYSTEM_BUNDLE_LOCATION.equals(args[0])) {
                            return bundle;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void activationRegistersAHookAndDeactivationRemovesIt() {
        FrameworkStopOnSignal component = new FrameworkStopOnSignal();
        component.activate(new SystemBundle().context());
        Thread hook = component.hook();

        component.deactivate();

        // false: nothing left to remove, so a JVM exit after the bundle stopped runs no stale hook
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
    }

    @Test
    void theHookStopsTheSystemBundleOnceAndReturnsWhenItHasStopped() {
        SystemBundle system = new SystemBundle();
        FrameworkStopOnSignal component = new FrameworkStopOnSignal();
        component.activate(system.context());
        Thread hook = component.hook();
        component.deactivate(); // keep the test JVM's own exit free of it

        hook.run(); // what the JVM does at shutdown, here on this thread
        hook.run(); // a second run finds the framework stopped and does nothing

        assertThat(system.stops).hasValue(1);
        assertThat(system.state).isEqualTo(Bundle.RESOLVED);
    }
}
