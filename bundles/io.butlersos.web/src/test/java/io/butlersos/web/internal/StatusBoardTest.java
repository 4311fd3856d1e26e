package io.butlersos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.events.EventCount;
import io.butlersos.api.events.EventCounts;
import io.butlersos.api.fixtures.MutableClock;
import io.butlersos.api.json.Json;
import org.junit.jupiter.api.Test;

class StatusBoardTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final StatusBoard board = new StatusBoard(new StatusBoard.Limits(Duration.ofMinutes(60), 100, 3), clock);

    @SuppressWarnings("unchecked")
    private Map<String, Object> server(Map<String, Object> snapshot, int i) {
        return ((List<Map<String, Object>>) snapshot.get("servers")).get(i);
    }

    @Test
    void theLatestHealthOfEachServerAndItsHistoryAreShown() {
        board.accept(Samples.health("central", T0.minusSeconds(60), 12.5, 2048, 4, 3, 2));
        board.accept(Samples.health("central", T0, 40.0, 3072, 9, 7, 5));
        board.accept(Samples.health("rim", T0, 1.0, 512, 0, 0, 1));

        Map<String, Object> snapshot = board.snapshot();
        String json = Json.write(server(snapshot, 0));
        assertThat(json).startsWith("{\"name\":\"central\",\"lastSeen\":\"2026-03-01T12:00:00Z\",\"host\":\"central.corp\"")
                .contains("\"cpu\":40.0")
                .contains("\"memory\":{\"committed\":3572.0,\"allocated\":3072.0,\"free\":9000.0}")
                .contains("\"sessions\":{\"active\":9,\"total\":12}")
                .contains("\"users\":{\"active\":7,\"total\":8}")
                .contains("\"apps\":{\"active\":5,\"loaded\":5,\"inMemory\":5}")
                .contains("\"history\":{\"cpu\":[[1772366340000,12.5],[1772366400000,40.0]]");
        assertThat(server(snapshot, 1).get("name")).isEqualTo("rim");
        assertThat(board.lastHealth("central")).contains(T0);
        assertThat(board.lastHealth("nobody")).isEmpty();
    }

    @Test
    void historyIsBoundedByAgeAndByCount() {
        StatusBoard small = new StatusBoard(new StatusBoard.Limits(Duration.ofMinutes(10), 5, 3), clock);
        for (int i = 0; i < 20; i++) {
            small.accept(Samples.health("central", T0.plusSeconds(i), i, 100, 1, 1, 1));
        }
        clock.set(T0.plusSeconds(20));
        @SuppressWarnings("unchecked")
        Map<String, List<List<Object>>> history = (Map<String, List<List<Object>>>) server(small.snapshot(), 0).get("history");
        assertThat(history.get("cpu")).extracting(p -> p.get(1)).containsExactly(15.0, 16.0, 17.0, 18.0, 19.0);

        clock.set(T0.plusSeconds(19 + 600 + 1));
        assertThat(small.snapshot().get("servers")).asList().isEmpty();
    }

    @Test
    void onlyTheNewestErrorsAreKeptNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            board.accept(Samples.error("central", T0.plusSeconds(i), "failure " + i));
        }
        String json = Json.write(board.snapshot().get("errors"));
        assertThat(json).contains("failure 5", "failure 4", "failure 3").doesNotContain("failure 2", "failure 1");
        assertThat(json.indexOf("failure 5")).isLessThan(json.indexOf("failure 3"));
        assertThat(board.lastError("central")).get().extracting(e -> e.message()).isEqualTo("failure 5");
    }

    @Test
    void receiverRatesAreCountsOverTheInterval() {
        board.accept(Samples.receiver("log_events", T0.minusSeconds(20), T0, 400, 40));
        String json = Json.write(board.snapshot().get("receivers"));
        assertThat(json).contains("\"queueType\":\"log_events\"")
                .contains("\"receivedPerS\":20.0")
                .contains("\"droppedPerS\":2.0")
                .contains("\"droppedByReason\":{\"rate_limit\":40}")
                .contains("\"history\":{\"received\":[[1772366400000,20.0]],\"dropped\":[[1772366400000,2.0]]}");
        assertThat(board.lastReceiverReport("log_events")).contains(T0);
    }

    @Test
    void eventCountsShowTheLastIntervalAndTheTotal() {
        board.accept(new EventCounts(T0, "agent", Map.of(), "event_count", T0.minusSeconds(20), List.of(
                new EventCount("log", "qseow-engine", "n1", "sub", "WARN", 3),
                new EventCount("log", "qseow-engine", "n2", "sub", "ERROR", 2),
                new EventCount("user", "qseow-proxy-session", "n1", "AppAccess", "", 1))));
        board.accept(new EventCounts(T0.plusSeconds(20), "agent", Map.of(), "event_count", T0, List.of(
                new EventCount("user", "qseow-proxy-session", "n1", "AppAccess", "", 4))));
        String json = Json.write(board.snapshot().get("events"));
        assertThat(json).isEqualTo("{\"intervalEnd\":\"2026-03-01T12:00:20Z\",\"lastInterval\":4,\"sinceStart\":10,"
                + "\"sources\":[{\"eventType\":\"log\",\"source\":\"qseow-engine\",\"lastInterval\":0,\"sinceStart\":5},"
                + "{\"eventType\":\"user\",\"source\":\"qseow-proxy-session\",\"lastInterval\":4,\"sinceStart\":5}]}");
    }

    @Test
    void longMessagesAreShortened() {
        String longText = "x".repeat(2_000);
        assertThat(StatusBoard.shorten(longText)).hasSize(StatusBoard.MAX_MESSAGE).endsWith("…");
    }
}
