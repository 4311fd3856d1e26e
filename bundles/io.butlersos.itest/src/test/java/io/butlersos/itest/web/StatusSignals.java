package io.butlersos.itest.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.events.ReceiverMetrics;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.EngineApps;
import io.butlersos.api.sense.EngineMemory;
import io.butlersos.api.sense.HealthSample;

/** The signals a Sense poller and a UDP receiver would publish, with chosen values. */
final class StatusSignals {

    private StatusSignals() {
    }

    static HealthSample health(String server, Instant time, double cpu, double memAllocatedMb, long sessions,
            long users, int apps) {
        List<String> ids = IntStream.range(0, apps).mapToObj(i -> "app-" + i).toList();
        DocList docs = new DocList(ids, List.of(), List.of(), false, false);
        return new HealthSample(time, server, Map.of("host", server + ".corp.example", "server_name", server),
                "https://" + server + ".corp.example:4747/engine/healthcheck", "14.254.6", "20260301T081530.000+0100",
                null, new EngineMemory(memAllocatedMb + 1024, memAllocatedMb, 12_000.0), cpu,
                new ActiveTotal(sessions, sessions + 2), new ActiveTotal(users, users + 1),
                new EngineApps(docs, docs, docs, 100L, 20L), null, false);
    }

    static ReceiverMetrics receiver(Instant end, long received, long dropped) {
        return new ReceiverMetrics(end, "itest-host", Map.of(), "log_events_queue", "log_events", end.minusSeconds(10),
                3, 1000, 1, received, received, received - dropped, 0,
                Map.of(ReceiverMetrics.DROP_RATE_LIMIT, dropped), 0.3, 0.8, 2.0, 0, false, 0);
    }

    static ErrorSignal error(String server, Instant time, String message) {
        return new ErrorSignal(time, "itest", "HEALTH_API", server, "HEALTH_METRICS", ErrorCategory.TIMEOUT, message,
                "https://" + server + ".corp.example:4747/engine/healthcheck", 0, Map.of());
    }
}
