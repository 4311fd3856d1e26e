package io.butlersos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.butlersos.api.json.JsonFormatException;
import org.junit.jupiter.api.Test;

class AgentStatusTest {

    // Shaped as the web bundle's /api/status answers (StatusServlet, SinkViews, ReceiverState), trimmed.
    private static final String STATUS = """
            {"time":"2026-11-29T06:10:00.5Z","historyMinutes":60,"agent":null,"servers":[],"errors":[],
             "receivers":[{"queueType":"log_events","host":"vm","lastReport":"2026-11-29T06:10:00.002Z",
                           "intervalS":1.0,"receivedPerS":99812.5,"queueSize":12,"queueMaxSize":200000,
                           "receivedSinceStart":1250000,"droppedSinceStart":7,
                           "droppedByReason":{"queue_full":5,"unknown_message_type":2},
                           "history":{"received":[[1,2.5]],"dropped":[]}}],
             "events":{"sinceStart":0,"sources":[]},"signalsSeen":42,"refreshMs":2000,
             "sinks":[{"id":"io.butlersos.web","name":"status-page","target":"the status page (memory)",
                       "attached":true,"delivered":40,"dropped":{},"droppedTotal":0,"queueSize":0},
                      {"id":"io.butlersos.bench.countingsink~bench","name":"counting","target":"nowhere (counts only)",
                       "attached":true,"delivered":1249990,"batches":1250,"retries":0,"timeouts":0,
                       "dropped":{"queue_full":3,"rejected":0,"too_large":0},"droppedTotal":3,"queueSize":3,
                       "queueCapacity":100000,"queueFillPct":0.0,"lastSuccess":"2026-11-29T06:10:00Z",
                       "lastError":null,"lastErrorTime":null}],
             "errorsToday":null,"ready":true,"problems":[],"authRefused":0}
            """;

    @Test
    void readsTheCountingSinksDeliveryCounters() throws Exception {
        AgentStatus status = AgentStatus.parse(STATUS);

        AgentStatus.SinkCounts sink = status.sink("counting");
        assertThat(sink.attached()).isTrue();
        assertThat(sink.delivered()).isEqualTo(1_249_990);
        assertThat(sink.queueSize()).isEqualTo(3);
        assertThat(sink.droppedTotal()).isEqualTo(3);
        assertThat(status.sinks()).containsOnlyKeys("status-page", "counting");
    }

    @Test
    void readsTheLogReceiversTotalsAndDropsByReason() throws Exception {
        AgentStatus.ReceiverCounts receiver = AgentStatus.parse(STATUS).receiver("log_events");

        assertThat(receiver.receivedSinceStart()).isEqualTo(1_250_000);
        assertThat(receiver.droppedByReason()).isEqualTo(Map.of("queue_full", 5L, "unknown_message_type", 2L));
        assertThat(receiver.droppedTotal()).isEqualTo(7);
        assertThat(receiver.queueSize()).isEqualTo(12);
        assertThat(receiver.lastReport()).isEqualTo("2026-11-29T06:10:00.002Z");
    }

    @Test
    void anAgentThatHasNotReportedYetHasNoReceiverAndNoSinks() throws Exception {
        AgentStatus status = AgentStatus.parse("{\"receivers\":[],\"sinks\":[]}");

        assertThat(status.receiver("log_events")).isNull();
        assertThat(status.sink("counting")).isNull();
    }

    @Test
    void refusesAnswersThatAreNotAStatusObject() {
        assertThatThrownBy(() -> AgentStatus.parse("[1,2]")).isInstanceOf(JsonFormatException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> AgentStatus.parse("<html>")).isInstanceOf(JsonFormatException.class);
    }
}
