package io.butlersos.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.fixtures.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T08:00:00Z"));
    private final List<ErrorSignal> errors = new CopyOnWriteArrayList<>();
    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Heartbeat heartbeat(URI url, Duration timeout) {
        return new Heartbeat(url, timeout, "agent-1", errors::add, clock);
    }

    @Test
    void sendsAGetAndCountsASuccess() {
        server.answer(204);
        Heartbeat heartbeat = heartbeat(server.uri("/ping?token=s3cret"), Duration.ofSeconds(5));

        assertThat(heartbeat.beat()).isTrue();

        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.pathAndQuery()).isEqualTo("/ping?token=s3cret");
        });
        assertThat(heartbeat.successes()).isEqualTo(1);
        assertThat(errors).isEmpty();
    }

    @Test
    void anErrorStatusBecomesAnErrorSignalWithoutTheQueryString() {
        server.answer(503);
        Heartbeat heartbeat = heartbeat(server.uri("/ping?token=s3cret"), Duration.ofSeconds(5));

        assertThat(heartbeat.beat()).isFalse();

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.errorType()).isEqualTo("HEARTBEAT");
            assertThat(e.category()).isEqualTo(ErrorCategory.HTTP_5XX);
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.requestUrl()).isEqualTo(server.uri("/ping").toString());
            assertThat(e.message()).contains("503").doesNotContain("s3cret");
            assertThat(e.origin()).isEqualTo("agent-1");
            assertThat(e.time()).isEqualTo(clock.instant());
        });
        assertThat(heartbeat.failures()).isEqualTo(1);
    }

    @Test
    void aTargetThatDoesNotAnswerTimesOut() {
        server.hang();
        Heartbeat heartbeat = heartbeat(server.uri("/slow"), Duration.ofMillis(300));

        assertThat(heartbeat.beat()).isFalse();

        assertThat(errors).singleElement().extracting(ErrorSignal::category).isEqualTo(ErrorCategory.TIMEOUT);
    }

    @Test
    void aRefusedConnectionIsReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Heartbeat heartbeat = heartbeat(URI.create("http://127.0.0.1:" + closedPort + "/"), Duration.ofSeconds(2));

        assertThat(heartbeat.beat()).isFalse();

        assertThat(errors).singleElement().extracting(ErrorSignal::category)
                .isEqualTo(ErrorCategory.CONNECTION_REFUSED);
    }
}
