package io.butlersos.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.agent.internal.Telemetry.Outcome;
import io.butlersos.agent.internal.TelemetryReport.ActiveBundle;
import io.butlersos.api.fixtures.MutableClock;
import io.butlersos.api.hostinfo.HostFacts;
import io.butlersos.api.hostinfo.HostInfo;
import io.butlersos.api.hostinfo.NetworkInterfaceFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    private static final Instant T = Instant.parse("2026-11-29T12:00:00Z");

    private final MutableClock clock = new MutableClock(T);
    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static HostFacts facts() {
        return new HostFacts(T, "qlik-prod-node7", Map.of("butler_sos_instance", "SECRET_SITE"), "qlik-prod-node7",
                "Windows", "Microsoft", "Server 2022", "20348", "", 64, "amd64", false, "Dell Inc.", "R740",
                "Xeon Gold", "GenuineIntel", 2, 16, 32, 0, 128L << 30, 64L << 30, 0, T.minusSeconds(99),
                List.of(new NetworkInterfaceFacts("eth0", "Intel X710", "3c:fd:fe:12:34:56", List.of("10.20.30.40"),
                        List.of("fe80::1234"), 10_000_000_000L, true)),
                "17.0.15", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", 4L << 30);
    }

    private Telemetry telemetry(HostInfo hostInfo) {
        return new Telemetry(() -> hostInfo,
                () -> List.of(new ActiveBundle("io.butlersos.core", "0.1.0"), new ActiveBundle("io.butlersos.sense", "0.1.0")),
                () -> List.of("io.butlersos.agent", "io.butlersos.sink.influxdb"),
                new TelemetrySender(server.uri("/collect"), Duration.ofSeconds(5)), "0.1.0", "x", clock);
    }

    @Test
    void postsVersionJavaOsBundlesAndSinksAsJson() {
        assertThat(telemetry(TelemetryTest::facts).sendOnce()).isEqualTo(Outcome.SENT);

        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.body()).isEqualTo("{\"service\":\"butler-sos-java\",\"version\":\"0.1.0\","
                    + "\"sentAt\":\"2026-11-29T12:00:00Z\","
                    + "\"java\":{\"version\":\"17.0.15\",\"vendor\":\"Eclipse Adoptium\",\"vm\":\"OpenJDK 64-Bit Server VM\"},"
                    + "\"os\":{\"family\":\"Windows\",\"version\":\"Server 2022\",\"arch\":\"amd64\",\"bitness\":64,"
                    + "\"inContainer\":false,\"logicalCores\":32},"
                    + "\"bundles\":[{\"name\":\"io.butlersos.core\",\"version\":\"0.1.0\"},"
                    + "{\"name\":\"io.butlersos.sense\",\"version\":\"0.1.0\"}],"
                    + "\"sinks\":[\"io.butlersos.agent\",\"io.butlersos.sink.influxdb\"]}");
        });
    }

    @Test
    void neverSendsHostNamesAddressesOrInstanceTags() {
        telemetry(TelemetryTest::facts).sendOnce();

        String body = server.requests().get(0).body();
        assertThat(body).doesNotContain("qlik-prod-node7", "10.20.30.40", "fe80", "3c:fd:fe", "SECRET_SITE",
                "eth0", "Dell", "R740");
    }

    @Test
    void refusesWithoutHostInfoAndSendsNothing() {
        Telemetry telemetry = telemetry(null);

        assertThat(telemetry.sendOnce()).isEqualTo(Outcome.REFUSED_NO_HOST_INFO);
        assertThat(telemetry.sendOnce()).isEqualTo(Outcome.REFUSED_NO_HOST_INFO);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRefusingTargetIsAFailureNotACrash() {
        server.answer(500);
        assertThat(telemetry(TelemetryTest::facts).sendOnce()).isEqualTo(Outcome.FAILED);
        assertThat(server.requests()).hasSize(1);
    }
}
