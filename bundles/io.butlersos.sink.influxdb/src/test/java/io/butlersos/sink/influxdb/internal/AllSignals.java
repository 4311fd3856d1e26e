package io.butlersos.sink.influxdb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sink.SinkStatus;

/** One of every signal type there is on main, plus the Butler-SOS-shaped test records. */
final class AllSignals {

    static final Instant T = Instant.parse("2026-03-04T05:06:07.123Z");
    static final long T_NS = T.getEpochSecond() * 1_000_000_000L + T.getNano();

    private AllSignals() {
    }

    static List<Signal> batch() {
        return batch(T);
    }

    /** Every signal, stamped {@code T}. */
    static List<Signal> batch(Instant T) {
        return List.of(
                new TestSignals.Health(T, "agent1", Map.of("host", "sense1.lab", "server_name", "sense1",
                        "server_description", "Central node", "server_group", "PROD"), 1234, 98765, 42, false),
                new TestSignals.LogLine(T, "agent1", "sense1", "WARN", 17, "Login \"failed\" for LAB\\joe\nretry", "403"),
                new TestSignals.UserEvent(T, "agent1", "sense1", "joe"),
                new TestSignals.EventCount(T, "agent1", "qseow-engine", 12),
                new SinkStatus(T, "agent1", "io.butlersos.sink.influxdb~local", "influxdb", "http://x", true, 10, 2,
                        1, 0, Map.of(SinkStatus.DROP_REJECTED, 3L), 5, 100_000, 1.5, 9.25, T, "boom", T),
                new ErrorSignal(T, "agent1", "HEALTH_API", "sense1", "HEALTH_METRICS", ErrorCategory.TIMEOUT,
                        "Health check timed out", "https://sense1:4747/engine/healthcheck", 0,
                        Map.of("host", "sense1.lab")));
    }
}
