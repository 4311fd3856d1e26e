package io.butlersos.sense.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.butlersos.api.Point;
import io.butlersos.api.json.JsonFormatException;
import io.butlersos.api.sense.AppInfo;
import io.butlersos.api.sense.AppNameDirectory;
import io.butlersos.api.sense.HealthSample;

class HealthParserTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final ServerSettings SERVER = ServerSettings.from(TestSettings.config(Map.of(
            "server_name", "central", "host", "sense1.corp:4747", "include_active_docs", true)));

    private static final AppNameDirectory DIRECTORY = new AppNameDirectory() {
        @Override
        public Optional<String> appName(String appId) {
            return "a1".equals(appId) ? Optional.of("Sales") : Optional.empty();
        }

        @Override
        public Map<String, AppInfo> apps() {
            return Map.of("a1", new AppInfo("a1", "Sales", ""));
        }

        @Override
        public Optional<Instant> refreshedAt() {
            return Optional.of(NOW);
        }
    };

    private static Map<String, Point> points(HealthSample sample) {
        return sample.toPoints().stream().collect(Collectors.toMap(Point::measurement, Function.identity()));
    }

    @Test
    void readsTheFullAnswerWithAppNamesAndSessionApps() throws Exception {
        String body = "{\"version\":\"12.1234.5\",\"started\":\"20260301T081530.000+0100\","
                + "\"mem\":{\"committed\":1234.5,\"allocated\":2345.6,\"free\":12345.6},\"cpu\":{\"total\":3},"
                + "\"session\":{\"active\":4,\"total\":10},\"apps\":{\"active_docs\":[\"zz\",\"a1\",\"SessionApp_9\"],"
                + "\"loaded_docs\":[\"a1\"],\"in_memory_docs\":[\"a1\"],\"calls\":123456,\"selections\":789},"
                + "\"users\":{\"active\":2,\"total\":7},\"cache\":{\"hits\":10,\"lookups\":20,\"added\":5,"
                + "\"replaced\":1,\"bytes_added\":40960},\"saturated\":false}";

        HealthSample sample = HealthParser.parse(body, NOW, SERVER, "https://x", DIRECTORY);

        assertThat(sample.startedAt()).isEqualTo(Instant.parse("2026-03-01T07:15:30Z")); // the +0100 honoured
        assertThat(sample.apps().active().appNames()).containsExactly("Sales", "zz");
        assertThat(sample.apps().active().sessionAppIds()).containsExactly("SessionApp_9");
        Map<String, Point> points = points(sample);
        assertThat(points).hasSize(8);
        assertThat(points.get("apps").fields()).containsEntry("active_docs", "zz,a1,SessionApp_9")
                .containsEntry("active_docs_names", "\"Sales\",\"zz\"")
                .containsEntry("active_session_docs_names", "\"SessionApp_9\"")
                .containsEntry("loaded_docs", "").containsEntry("calls", 123456L);
        assertThat(points.get("mem").tags()).containsEntry("host", "sense1.corp").containsEntry("server_name", "central");
        assertThat(points.get("sense_server").fields().get("uptime")).isEqualTo("3 days, 2h 44m 30s");
    }

    @Test
    void missingAndNullMembersAreLeftOutNotInvented() throws Exception {
        String body = "{\"version\":null,\"mem\":{\"committed\":null,\"allocated\":10.9},\"session\":null,"
                + "\"apps\":{\"active_docs\":null,\"calls\":7},\"cache\":{}}";

        HealthSample sample = HealthParser.parse(body, NOW, SERVER, "https://x", null);

        Map<String, Point> points = points(sample);
        assertThat(points).containsOnlyKeys("sense_server", "mem", "apps");
        assertThat(points.get("mem").fields()).containsExactly(Map.entry("allocated", 10L));
        assertThat(points.get("apps").fields()).containsEntry("active_docs_count", 0L).containsEntry("calls", 7L)
                .doesNotContainKey("selections");
        assertThat(points.get("sense_server").fields()).containsExactly(Map.entry("uptime", ""));
    }

    @Test
    void negativeCacheValuesAreKeptForSignedFieldsAndClampedForCounters() throws Exception {
        String body = "{\"cache\":{\"hits\":-1,\"lookups\":20,\"added\":-5,\"replaced\":-2,\"bytes_added\":-40960}}";

        HealthSample sample = HealthParser.parse(body, NOW, SERVER, "https://x", null);

        assertThat(sample.cache().hits()).isEqualTo(-1L);
        assertThat(points(sample).get("cache").fields()).containsEntry("hits", 0L).containsEntry("lookups", 20L)
                .containsEntry("added", -5L).containsEntry("replaced", -2L).containsEntry("bytes_added", -40960L);
    }

    @Test
    void extraMembersAndOtherTypesFromNewerSenseVersionsAreTolerated() throws Exception {
        String body = "{\"version\":\"14.200\",\"started\":\"20260301T081530.000+0000\",\"engineId\":\"x\","
                + "\"mem\":{\"committed\":\"1500.5\",\"allocated\":1.5e3,\"free\":10,\"totalPhysical\":32768},"
                + "\"cpu\":{\"total\":12.9,\"perCore\":[1,2]},\"saturated\":\"true\","
                + "\"apps\":{\"active_docs\":[\"a1\",42,null],\"loaded_docs\":[],\"in_memory_docs\":[],"
                + "\"calls\":1.0,\"selections\":2,\"new\":{}},\"users\":{\"active\":1,\"total\":2,\"peak\":9}}";

        HealthSample sample = HealthParser.parse(body, NOW, SERVER, "https://x", DIRECTORY);

        Map<String, Point> points = points(sample);
        assertThat(points.get("mem").fields()).containsEntry("comitted", 1500L).containsEntry("allocated", 1500L);
        assertThat(points.get("cpu").fields()).containsEntry("total", 12L);
        assertThat(points.get("saturated").fields()).containsEntry("saturated", true);
        assertThat(points.get("apps").fields()).containsEntry("active_docs_count", 1L).containsEntry("calls", 1L);
        assertThat(points.get("users").fields()).containsOnlyKeys("active", "total");
    }

    @Test
    void answersThatAreNotAJsonObjectAreRefused() {
        assertThatThrownBy(() -> HealthParser.parse("<html>", NOW, SERVER, "u", null))
                .isInstanceOf(JsonFormatException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> HealthParser.parse("[1]", NOW, SERVER, "u", null))
                .hasMessageContaining("not an object");
    }

    @Test
    void readsStartedInItsShapes() {
        assertThat(HealthParser.parseStarted("20250301T081530.000+0100")).isEqualTo(Instant.parse("2025-03-01T07:15:30Z"));
        assertThat(HealthParser.parseStarted("20250301T081530+0000")).isEqualTo(Instant.parse("2025-03-01T08:15:30Z"));
        assertThat(HealthParser.parseStarted("garbage")).isNull();
        assertThat(HealthParser.parseStarted(null)).isNull();
    }
}
