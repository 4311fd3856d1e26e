package io.butlersos.sense.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared runtime takes its connection limit and start rate from the optional configuration, live. */
class PollingRuntimeTest {

    final PollingRuntime runtime = new PollingRuntime();

    @AfterEach
    void stop() {
        runtime.deactivate();
    }

    static PollingConfig config(Map<String, Object> values) {
        return (PollingConfig) java.lang.reflect.Proxy.newProxyInstance(PollingRuntimeTest.class.getClassLoader(),
                new Class<?>[] {PollingConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    void withoutConfigurationTheDefaultLimitApplies() {
        assertThat(runtime.connectionGate().limit()).isEqualTo(PollingConfig.DEFAULT_CONNECT_CONCURRENCY);
        runtime.configure(config(Map.of()));
        assertThat(runtime.connectionGate().limit()).isEqualTo(PollingConfig.DEFAULT_CONNECT_CONCURRENCY);
    }

    @Test
    void aChangedLimitAppliesToTheSharedGate() {
        runtime.configure(config(Map.of("connect_concurrency", 2)));
        assertThat(runtime.connectionGate().limit()).isEqualTo(2);
        runtime.connectionGate().acquire();
        runtime.connectionGate().acquire();
        assertThat(runtime.connectionGate().acquire()).isNotDone();

        runtime.configure(config(Map.of("connect_concurrency", 0)));
        assertThat(runtime.connectionGate().waiting()).isZero();
        assertThat(runtime.connectionGate().acquire()).isDone();
    }

    @Test
    void theStartRateDefaultsAndChangesLive() {
        assertThat(runtime.startPacer().rate()).isEqualTo(PollingConfig.DEFAULT_START_RATE);
        runtime.configure(config(Map.of("start_rate", 2)));
        assertThat(runtime.startPacer().rate()).isEqualTo(2);
        runtime.startPacer().nextSlot();
        assertThat(Duration.between(Instant.now(), runtime.startPacer().nextSlot())).isGreaterThan(Duration.ofMillis(400));
    }
}
