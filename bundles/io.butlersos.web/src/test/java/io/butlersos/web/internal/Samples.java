package io.butlersos.web.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.events.ReceiverMetrics;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.EngineApps;
import io.butlersos.api.sense.EngineMemory;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sink.SinkStatus;

/** Signals for tests. */
final class Samples {

    private Samples() {
    }

    static HealthSample health(String server, Instant time, double cpu, double memAllocated, long sessions, long users,
            int apps) {
        List<String> ids = java.util.stream.IntStream.range(0, apps).mapToObj(i -> "app-" + i).toList();
        DocList active = new DocList(ids, List.of(), List.of(), false, false);
        return new HealthSample(time, server, Map.of("host", server + ".corp", "server_name", server),
                "https://" + server + ".corp:4747/engine/healthcheck", "14.254.6", "20250301T081530.000+0100", null,
                new EngineMemory(memAllocated + 500, memAllocated, 9000.0), cpu, new ActiveTotal(sessions, sessions + 3),
                new ActiveTotal(users, users + 1), new EngineApps(active, active, active, 10L, 5L), null, false);
    }

    static ErrorSignal error(String server, Instant time, String message) {
        return new ErrorSignal(time, "agent", "HEALTH_API", server, "HEALTH_METRICS", ErrorCategory.TIMEOUT, message,
                "https://" + server + ".corp:4747/engine/healthcheck", 0, Map.of());
    }

    static ReceiverMetrics receiver(String queueType, Instant start, Instant end, long received, long dropped) {
        return new ReceiverMetrics(end, "agent-host", Map.of(), queueType + "_queue", queueType, start, 5, 1000, 1,
                received, received, received - dropped, 0, Map.of(ReceiverMetrics.DROP_RATE_LIMIT, dropped), 0.2, 0.5, 1.0,
                0, false, 0);
    }

    static SinkStatus sink(String name, boolean attached, int queueSize, int capacity, Instant lastSuccess,
            String lastError, Instant lastErrorTime) {
        return new SinkStatus(Instant.parse("2026-01-01T00:00:00Z"), "agent", "id-" + name, name, "/data/" + name,
                attached, 10, 2, 0, 0, Map.of(), queueSize, capacity, 1.5, 3.0, lastSuccess, lastError, lastErrorTime);
    }
}
