package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The escaping rules of the line-protocol reference, case by case, and a round trip through a parser. */
class LineProtocolTest {

    private static String line(String measurement, Map<String, String> tags, Map<String, ?> fields, long time) {
        StringBuilder out = new StringBuilder();
        LineProtocol.appendLine(out, measurement, new TreeMap<>(tags), fields, time);
        return out.toString();
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void writesMeasurementTagsFieldsAndTimestamp() {
        assertThat(line("cpu", Map.of("host", "a", "dc", "x"), fields("total", 12L), 1_700_000_000_000_000_000L))
                .isEqualTo("cpu,dc=x,host=a total=12i 1700000000000000000\n");
    }

    @Test
    void escapesCommaAndSpaceInMeasurementButNotEquals() {
        assertThat(line("my meas,1=2", Map.of(), fields("v", 1L), 1)).isEqualTo("my\\ meas\\,1=2 v=1i 1\n");
    }

    @Test
    void escapesCommaEqualsAndSpaceInTagKeysAndValues() {
        assertThat(line("m", Map.of("k e,y=", "v a,l=ue"), fields("v", 1L), 1))
                .isEqualTo("m,k\\ e\\,y\\==v\\ a\\,l\\=ue v=1i 1\n");
    }

    @Test
    void escapesCommaEqualsAndSpaceInFieldKeys() {
        assertThat(line("m", Map.of(), fields("f k,e=y", 1L), 1)).isEqualTo("m f\\ k\\,e\\=y=1i 1\n");
    }

    @Test
    void quotesStringFieldsEscapingQuotesAndBackslashesAndKeepingNewlines() {
        String value = "say \"hi\" to C:\\temp\\\nnext line\r\nand a tab\t";
        assertThat(line("m", Map.of(), fields("s", value), 1))
                .isEqualTo("m s=\"say \\\"hi\\\" to C:\\\\temp\\\\\nnext line\r\nand a tab\t\" 1\n");
    }

    @Test
    void writesIntegersWithSuffixAndFloatsWithout() {
        assertThat(line("m", Map.of(), fields("a", 0L, "b", -42L, "c", Long.MAX_VALUE, "d", 7), 1))
                .isEqualTo("m a=0i,b=-42i,c=9223372036854775807i,d=7i 1\n");
        assertThat(line("m", Map.of(), fields("a", 3.0, "b", -0.25, "c", 1e-7, "d", 1.5e300), 1))
                .isEqualTo("m a=3,b=-0.25,c=1.0E-7,d=1.5E300 1\n");
    }

    @Test
    void writesBooleans() {
        assertThat(line("m", Map.of(), fields("up", true, "down", false), 1)).isEqualTo("m up=true,down=false 1\n");
    }

    @Test
    void leavesOutNaNAndInfinityAndRefusesAPointWithNothingLeft() {
        assertThat(line("m", Map.of(), fields("nan", Double.NaN, "ok", 1.5, "inf", Double.POSITIVE_INFINITY), 1))
                .isEqualTo("m ok=1.5 1\n");
        StringBuilder out = new StringBuilder("before\n");
        assertThatThrownBy(() -> LineProtocol.appendLine(out, "m", Map.of(), fields("nan", Double.NaN), 1))
                .isInstanceOf(LineProtocol.UnencodableException.class).hasMessageContaining("no field");
        assertThat(out).hasToString("before\n");
    }

    @Test
    void writesUnicodeAsItIs() {
        assertThat(line("mésure", Map.of("hôte", "東京 サーバー"), fields("msg", "😀 ünïcödé"), 1))
                .isEqualTo("mésure,hôte=東京\\ サーバー msg=\"😀 ünïcödé\" 1\n");
    }

    @Test
    void writesNewlinesInNamesAndTagValuesAsBackslashN() {
        assertThat(line("m", Map.of("t", "a\nb\rc"), fields("f\nk", 1L), 1)).isEqualTo("m,t=a\\nb\\rc f\\nk=1i 1\n");
    }

    @Test
    void keepsBackslashesThatEscapeNothing() {
        assertThat(line("m", Map.of("user", "LAB\\svc", "path", "a\\\\b"), fields("v", 1L), 1))
                .isEqualTo("m,path=a\\\\b,user=LAB\\svc v=1i 1\n");
    }

    @Test
    void keepsBackslashesBeforeDelimitersForTheGoParser() {
        // 1.x reads a delimiter after a backslash as text and unescapes only "\," "\ " "\=".
        assertThat(line("m", Map.of("b", "x\\,y", "c", "two\\\\ space"), fields("v", 1L), 1))
                .isEqualTo("m,b=x\\\\,y,c=two\\\\\\ space v=1i 1\n");
    }

    @Test
    void leavesOutBackslashesAtTheEndOfNamesAndTagValuesForTheGoParser() {
        // InfluxDB 1.x refuses a tag value ending in a backslash however it is escaped.
        assertThat(line("meas\\", Map.of("dir", "LAB\\", "only", "\\\\", "key\\", "v"), fields("f\\", 1L), 1))
                .isEqualTo("meas,dir=LAB,key=v f=1i 1\n");
    }

    @Test
    void doublesEveryBackslashAndEscapesTabsForTheRustParser() {
        StringBuilder out = new StringBuilder();
        LineProtocol.appendLine(out, LineProtocol.Dialect.RUST, "me\\as", new TreeMap<>(Map.of("dir", "LAB\\",
                "t", "a\tb\nc")), fields("f\\", "s\\"), 1);
        assertThat(out).hasToString("me\\\\as,dir=LAB\\\\,t=a\\\\tb\\\\nc f\\\\=\"s\\\\\" 1\n");
        LineProtocolParser.Line parsed = LineProtocolParser.parseLine(out.substring(0, out.length() - 1), true);
        assertThat(parsed.measurement()).isEqualTo("me\\as");
        assertThat(parsed.tags()).containsEntry("dir", "LAB\\").containsEntry("t", "a\\tb\\nc");
        assertThat(parsed.fields()).containsEntry("f\\", "s\\");
    }

    @Test
    void skipsEmptyTagValues() {
        Map<String, String> tags = new TreeMap<>();
        tags.put("empty", "");
        tags.put("host", "a");
        assertThat(line("m", tags, fields("v", 1L), 1)).isEqualTo("m,host=a v=1i 1\n");
    }

    @Test
    void refusesWhatNoLineCanSay() {
        assertThatThrownBy(() -> line("#comment", Map.of(), fields("v", 1L), 1)).hasMessageContaining("'#'");
        assertThatThrownBy(() -> line("m", Map.of("", "x"), fields("v", 1L), 1)).hasMessageContaining("empty tag key");
        assertThatThrownBy(() -> line("m", Map.of(), fields("", 1L), 1)).hasMessageContaining("empty field key");
        assertThatThrownBy(() -> line("", Map.of(), fields("v", 1L), 1)).hasMessageContaining("measurement");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "with space", "comma,inside", "equals=sign", "LAB\\user", "a\\\\b", "é🙂中",
        "quote\"in tag", " leading and trailing ", ",=, =,", "x\\,y", "a\\ b", "a\\=b"})
    void roundTripsThroughTheParser(String text) {
        for (LineProtocol.Dialect dialect : LineProtocol.Dialect.values()) {
            roundTrip(text, dialect);
        }
    }

    private static void roundTrip(String text, LineProtocol.Dialect dialect) {
        StringBuilder out = new StringBuilder();
        LineProtocol.appendLine(out, dialect, text, new TreeMap<>(Map.of(text, text)),
                fields(text, text, "n", 5L, "x", 2.5, "b", true), 123);
        String encoded = out.toString();
        LineProtocolParser.Line parsed = LineProtocolParser.parseLine(encoded.substring(0, encoded.length() - 1),
                dialect == LineProtocol.Dialect.RUST);
        assertThat(parsed.measurement()).isEqualTo(text);
        assertThat(parsed.tags()).containsExactly(Map.entry(text, text));
        assertThat(parsed.fields()).containsEntry(text, text).containsEntry("n", 5L).containsEntry("x", 2.5)
                .containsEntry("b", true);
        assertThat(parsed.timestamp()).isEqualTo(123L);
    }

    @Test
    void roundTripsStringFieldsWithEverySpecialCharacter() {
        String nasty = "\"quoted\" \\back\\slash\\ \nnew\r\nline, comma=equals \\\"both\\\"";
        String body = line("m", Map.of(), fields("s", nasty), 1) + line("m", Map.of(), fields("s", "second"), 2);
        List<LineProtocolParser.Line> lines = LineProtocolParser.parse(body);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).fields().get("s")).isEqualTo(nasty);
        assertThat(lines.get(1).fields().get("s")).isEqualTo("second");
    }
}
