package io.butlersos.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsAllJsonValues() throws Exception {
        Object v = JsonReader.parse(" {\"a\":[1,-2.5,1e3,true,false,null],\"s\":\"x\\\"\\u00e9\\n\",\"o\":{}} ");

        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2.5, 1000.0, true, false, null),
                "s", "x\"é\n", "o", Map.of()));
        assertThat(JsonReader.parse("[]")).isEqualTo(List.of());
    }

    @Test
    void refusesBrokenJsonSayingWhere() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,}")).hasMessageContaining("at character");
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1} x")).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> JsonReader.parse("\"open")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(100))).hasMessageContaining("nested too deeply");
    }

    @Test
    void keepsNineteenDigitNanosecondTimesExactAndWidensOnlyBeyondLong() throws Exception {
        assertThat(JsonReader.parse("1795921688813000001")).isEqualTo(1795921688813000001L);
        assertThat(JsonReader.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(JsonReader.parse("9223372036854775808")).isEqualTo(9.223372036854775808E18);
    }

    @Test
    void parseOrNullAndStringMemberForErrorBodiesThatMayBeAnything() {
        assertThat(JsonReader.parseOrNull("<html>bad gateway</html>")).isNull();
        assertThat(JsonReader.parseOrNull("  ")).isNull();
        Object error = JsonReader.parseOrNull("{\"error\":\"database not found\",\"code\":404}");
        assertThat(JsonReader.stringMember(error, "error")).isEqualTo("database not found");
        assertThat(JsonReader.stringMember(error, "code")).isNull();
        assertThat(JsonReader.stringMember(List.of(), "error")).isNull();
    }
}
