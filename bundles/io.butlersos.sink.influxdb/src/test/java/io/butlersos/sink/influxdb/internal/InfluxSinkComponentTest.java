package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Hashtable;
import java.util.Map;

import io.butlersos.api.sink.Sink;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

/** The service properties the component publishes for the core: its own defaults, the user's choices, no secret. */
class InfluxSinkComponentTest {

    private static Hashtable<String, Object> properties(Object... config) {
        InfluxSink sink = new InfluxSink(Configs.influx(config), () -> null, "agent1");
        try {
            return InfluxSinkComponent.serviceProperties(Configs.influx(config),
                    Map.of(Constants.SERVICE_PID, "io.butlersos.sink.influxdb~local", ".password", "x"), sink);
        } finally {
            sink.close();
        }
    }

    @Test
    void publishesTheSinksBatchSizeAndLeavesLingerAndBufferToTheCoreUnlessSet() {
        Hashtable<String, Object> props = properties("name", "influx-local");
        assertThat(props).containsEntry(Sink.NAME, "influx-local").containsEntry(Sink.BATCH_SIZE, 5000)
                .containsEntry(Constants.SERVICE_PID, "io.butlersos.sink.influxdb~local")
                .containsEntry(Sink.WRITE_TIMEOUT_MS, 40_000L)
                .doesNotContainKeys(Sink.LINGER_MS, Sink.BUFFER_LIMIT);
        assertThat((String[]) props.get(Sink.SIGNAL_TYPES)).containsExactly("*");

        Hashtable<String, Object> tuned = properties("linger_ms", 250L, "buffer_limit", 20_000, "batch_size", 100);
        assertThat(tuned).containsEntry(Sink.LINGER_MS, 250L).containsEntry(Sink.BUFFER_LIMIT, 20_000)
                .containsEntry(Sink.BATCH_SIZE, 100);
    }

    @Test
    void neverPublishesASecret() {
        Hashtable<String, Object> v1 = properties("username", "butler", "_password", "pa55-secret");
        Hashtable<String, Object> v2 = properties("version", 2, "org", "o", "bucket", "b", "_token", "t0ken-secret");
        for (Hashtable<String, Object> props : java.util.List.of(v1, v2)) {
            assertThat(props.toString()).doesNotContain("secret").doesNotContain(".password").doesNotContain(".token");
        }
    }

    @Test
    void theTargetNamesUrlAndDatabaseOrBucket() {
        InfluxSink v1 = new InfluxSink(Configs.influx("url", "https://influx.lab:8086/"), () -> null, "a");
        InfluxSink v2 = new InfluxSink(Configs.influx("version", 2, "org", "o", "bucket", "b", "_token", "secret"),
                () -> null, "a");
        try {
            assertThat(v1.target()).isEqualTo("https://influx.lab:8086 db=senseops rp=10d");
            assertThat(v2.target()).isEqualTo("http://127.0.0.1:8086 org=o bucket=b").doesNotContain("secret");
        } finally {
            v1.close();
            v2.close();
        }
    }
}
