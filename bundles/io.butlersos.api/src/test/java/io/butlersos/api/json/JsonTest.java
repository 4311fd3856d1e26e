package io.butlersos.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Sample(Instant time, String origin, Map<String, String> tags, long count, String text, List<Double> values)
            implements Signal {
        @Override
        public String type() {
            return "test.sample";
        }

        @Override
        public List<Point> toPoints() {
            return List.of();
        }
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.write("a\"b\\c\nd\te\u0001\u2028"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\\u2028\"");
    }

    @Test
    void keepsUnicodeAsIs() {
        assertThat(Json.write("Åsa 日本 😀")).isEqualTo("\"Åsa 日本 😀\"");
    }

    @Test
    void writesNestedValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", 1L);
        map.put("d", 2.5);
        map.put("nan", Double.NaN);
        map.put("b", false);
        map.put("list", List.of("x", 2));
        map.put("none", null);
        assertThat(Json.write(map))
                .isEqualTo("{\"n\":1,\"d\":2.5,\"nan\":null,\"b\":false,\"list\":[\"x\",2],\"none\":null}");
    }

    @Test
    void writesASignalWithHeaderFirstAndEveryComponent() {
        Sample s = new Sample(Instant.parse("2026-01-02T03:04:05.006Z"), "node1", Map.of("site", "lab"),
                7L, "hi \"you\"", List.of(1.5));
        assertThat(Json.writeSignal(s)).isEqualTo(
                "{\"type\":\"test.sample\",\"time\":\"2026-01-02T03:04:05.006Z\",\"origin\":\"node1\","
                        + "\"tags\":{\"site\":\"lab\"},\"count\":7,\"text\":\"hi \\\"you\\\"\",\"values\":[1.5]}");
    }
}
