package io.butlersos.api.hostinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.json.Json;
import org.junit.jupiter.api.Test;

class HostFactsTest {

    private static final Instant T = Instant.parse("2026-11-29T00:00:00Z");

    static HostFacts sample() {
        return new HostFacts(T, "qs-host", Map.of("butler_sos_instance", "DEV"), "qs-host", "Windows", "Microsoft",
                "Server 2022", "20348", "", 64, "amd64", false, "VMware", "VMware7,1", "Xeon", "GenuineIntel",
                2, 8, 16, 2_400_000_000L, 64L << 30, 10L << 30, 8L << 30, T.minusSeconds(3600),
                List.of(new NetworkInterfaceFacts("eth0", "Ethernet", "aa:bb:cc:dd:ee:ff", List.of("10.0.0.5"),
                        List.of(), 1_000_000_000L, true)),
                "17.0.15", "Debian", "OpenJDK 64-Bit Server VM", 1L << 30);
    }

    @Test
    void rendersScalarFactsAsOnePoint() {
        Point point = sample().toPoints().get(0);

        assertThat(point.measurement()).isEqualTo("butlersos_host_info");
        assertThat(point.tags()).containsEntry("host", "qs-host").containsEntry("butler_sos_instance", "DEV");
        assertThat(point.fields()).containsEntry("cpu_logical_cores", 16L).containsEntry("memory_total_mb", 65536.0)
                .containsEntry("system_uptime_s", 3600L).containsEntry("network_interfaces", 1L)
                .containsEntry("os_family", "Windows");
    }

    @Test
    void writesInterfacesInJson() {
        String json = Json.writeSignal(sample());
        assertThat(json).startsWith("{\"type\":\"host.info\"")
                .contains("\"networkInterfaces\":[{\"name\":\"eth0\"", "\"ipv4\":[\"10.0.0.5\"]");
    }
}
