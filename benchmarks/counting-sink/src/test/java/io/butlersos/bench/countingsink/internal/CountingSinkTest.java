package io.butlersos.bench.countingsink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import org.junit.jupiter.api.Test;

class CountingSinkTest {

    record Event(String type) implements Signal {
        @Override public Instant time() { return Instant.EPOCH; }
        @Override public String origin() { return "node"; }
        @Override public List<Point> toPoints() { return List.of(); }
    }

    private static CountingSinkConfig defaults() {
        return (CountingSinkConfig) Proxy.newProxyInstance(CountingSinkConfig.class.getClassLoader(),
                new Class<?>[] {CountingSinkConfig.class}, (proxy, method, args) -> method.getDefaultValue());
    }

    @Test
    void countsEverySignalOfEveryBatchByType() {
        CountingSink sink = new CountingSink(defaults());

        sink.write(List.of(new Event("event.log"), new Event("event.qix-perf"), new Event("event.log")));
        sink.write(List.of(new Event("event.log")));

        assertThat(sink.counted()).isEqualTo(4);
        assertThat(sink.tally().byType()).isEqualTo(Map.of("event.log", 3L, "event.qix-perf", 1L));
        sink.deactivate();
    }

    @Test
    void takesThePerDatagramEventTypesByDefaultAndSaysItWritesNowhere() {
        CountingSinkConfig config = defaults();

        assertThat(config.butlersos_sink_signal_types()).containsExactly("event.log", "event.qix-perf", "event.user");
        assertThat(config.butlersos_sink_name()).isEqualTo("counting");
        assertThat(new CountingSink(config).target()).isEqualTo("nowhere (counts only)");
    }
}
