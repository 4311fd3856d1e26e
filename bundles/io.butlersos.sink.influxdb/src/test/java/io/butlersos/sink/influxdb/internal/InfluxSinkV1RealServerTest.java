package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import io.butlersos.api.sink.SinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v1 writer against a real InfluxDB 1.x, read back with InfluxQL. */
class InfluxSinkV1RealServerTest {

    @RegisterExtension
    static final Influxd INFLUXD = Influxd.plain();

    private final List<InfluxSink> sinks = new ArrayList<>();
    private final RecordingPublisher publisher = new RecordingPublisher();

    @AfterEach
    void close() {
        sinks.forEach(InfluxSink::close);
    }

    private InfluxSink sink(String database, Object... overrides) {
        Object[] base = {"version", 1, "url", INFLUXD.url(), "database", database, "retention_policy", "butler",
            "retention_duration", "2d"};
        InfluxSink sink = new InfluxSink(Configs.influx(base, overrides), () -> publisher, "agent1");
        sinks.add(sink);
        return sink;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static long ns(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Test
    void writesEverySignalTypeAndReadsItBackWithItsTypesAndEventTime() throws Exception {
        Instant t = now();
        sink("every").write(AllSignals.batch(t));

        for (String measurement : List.of("sense_server", "mem", "apps", "cpu", "session", "users", "cache",
                "saturated", "log_event", "user_events", "event_count", "butlersos_sink", "butler_sos_errors")) {
            List<Map<String, Object>> rows = INFLUXD.rows("every", "SELECT * FROM \"" + measurement + "\"");
            assertThat(rows).as(measurement).hasSize(1);
            assertThat(rows.get(0).get("time")).as(measurement + " time").isEqualTo(ns(t));
        }
        Map<String, Object> mem = INFLUXD.rows("every", "SELECT * FROM mem").get(0);
        assertThat(mem).containsEntry("server_name", "sense1").containsEntry("server_description", "Central node")
                .containsEntry("server_group", "PROD").containsEntry("host", "sense1.lab");
        assertThat(INFLUXD.fieldTypes("every", "mem")).containsEntry("comitted", "integer")
                .containsEntry("allocated", "integer").containsEntry("free", "integer");
        assertThat(INFLUXD.fieldTypes("every", "apps")).containsEntry("calls", "integer")
                .containsEntry("active_docs_names", "string");
        assertThat(INFLUXD.rows("every", "SELECT active_docs_names FROM apps").get(0))
                .containsEntry("active_docs_names", "\"Sales\",\"HR\"");
        assertThat(INFLUXD.fieldTypes("every", "saturated")).containsEntry("saturated", "boolean");
        assertThat(INFLUXD.fieldTypes("every", "sense_server")).containsEntry("uptime", "string");

        Map<String, Object> log = INFLUXD.rows("every", "SELECT * FROM log_event").get(0);
        assertThat(log).containsEntry("host", "sense1").containsEntry("level", "WARN")
                .containsEntry("user_full", "LAB\\joe").containsEntry("message", "Login \"failed\" for LAB\\joe\nretry")
                .containsEntry("log_row", 17L);
        assertThat(INFLUXD.fieldTypes("every", "log_event")).containsEntry("log_row", "integer")
                .containsEntry("result_code", "string");
        assertThat(INFLUXD.rows("every", "SHOW TAG KEYS FROM log_event"))
                .extracting(row -> row.get("tagKey")).contains("result_code", "subsystem").doesNotContain("log_row");

        assertThat(INFLUXD.fieldTypes("every", "event_count")).containsEntry("counter", "float");
        assertThat(INFLUXD.fieldTypes("every", "butlersos_sink")).containsEntry("delivered", "integer")
                .containsEntry("attached", "boolean").containsEntry("write_time_avg_ms", "float");
        assertThat(INFLUXD.rows("every", "SELECT * FROM butler_sos_errors").get(0))
                .containsEntry("error_type", "HEALTH_API").containsEntry("error_category", "timeout")
                .containsEntry("error_count", 1L).containsEntry("host", "sense1.lab");
    }

    @Test
    void storesEveryPointOfEverySignalRecordOnMainWithItsTagsFieldsTypesAndTime() throws Exception {
        Instant t = now();
        List<Signal> batch = MainSignals.batch(t);
        sink("records").write(batch);

        SchemaMapping v1 = new SchemaMapping(1, false, Map.of());
        int checked = 0;
        for (Signal signal : batch) {
            for (Point point : signal.toPoints()) {
                MappedPoint expected = v1.map(point);
                Map<String, String> types = INFLUXD.fieldTypes("records", expected.measurement());
                Map<String, Object> row = INFLUXD.rows("records", "SELECT * FROM \"" + expected.measurement() + "\"")
                        .stream().filter(r -> hasTags(r, expected.tags())).findFirst().orElseThrow(
                                () -> new AssertionError("no row for " + expected));
                assertThat(row.get("time")).as(expected.measurement() + " time").isEqualTo(ns(t));
                expected.fields().forEach((key, value) -> {
                    if (value instanceof Double d && !Double.isFinite(d)) {
                        return;
                    }
                    assertThat(types.get(key)).as(expected.measurement() + "." + key + " type")
                            .isEqualTo(LineProtocol.typeName(value));
                    Object stored = row.get(key);
                    if (value instanceof Number n) {
                        assertThat(((Number) stored).doubleValue()).as(expected.measurement() + "." + key)
                                .isEqualTo(n.doubleValue());
                    } else {
                        assertThat(stored).as(expected.measurement() + "." + key).isEqualTo(value);
                    }
                });
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        assertThat(INFLUXD.rows("records", "SHOW MEASUREMENTS")).extracting(r -> r.get("name")).contains(
                "sense_server", "mem", "apps", "cpu", "session", "users", "cache", "saturated", "user_session_summary",
                "user_session_list", "user_session_details", "log_event", "user_events", "event_count",
                "rejected_event_count", "log_events_queue", "butlersos_memory_usage", "butlersos_host_info",
                "butlersos_sink", "butler_sos_errors");
    }

    /** A row of SELECT * carries the point's tags; a tag that shares a field's name comes back as name_1. */
    private static boolean hasTags(Map<String, Object> row, Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!tag.getValue().equals(row.get(tag.getKey())) && !tag.getValue().equals(row.get(tag.getKey() + "_1"))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aBatchSentAsParallelRequestsStoresEveryPointOnceEvenWhenAllShareOneSeriesAndMillisecond() throws Exception {
        // 3000 points of one series in one millisecond: the encoder moves each on by 1 ns, and the two
        // requests of the split batch (write.concurrency 2, the default) carry disjoint timestamps.
        Instant t = now();
        List<Signal> batch = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            batch.add(new TestSignals.EventCount(t, "a", "qseow-engine", i));
        }
        sink("parallel").write(batch);

        Map<String, Object> counted = INFLUXD.rows("parallel",
                "SELECT count(counter) FROM butler.event_count").get(0);
        assertThat(counted.get("count")).isEqualTo(3000L);
        List<Map<String, Object>> edges = INFLUXD.rows("parallel",
                "SELECT counter FROM butler.event_count ORDER BY time DESC LIMIT 1");
        assertThat(edges.get(0).get("time")).isEqualTo(ns(t) + 2999);
        assertThat(edges.get(0).get("counter")).isEqualTo(2999L);
    }

    @Test
    void createsTheDatabaseAndItsRetentionPolicyAsTheDefault() throws Exception {
        sink("fresh").write(List.of(new TestSignals.EventCount(now(), "a", "x", 1)));

        assertThat(INFLUXD.rows(null, "SHOW DATABASES")).extracting(r -> r.get("name")).contains("fresh");
        assertThat(INFLUXD.rows(null, "SHOW RETENTION POLICIES ON fresh")).anySatisfy(rp -> {
            assertThat(rp).containsEntry("name", "butler").containsEntry("duration", "48h0m0s")
                    .containsEntry("default", true);
        });
        assertThat(INFLUXD.rows("fresh", "SELECT * FROM butler.event_count")).hasSize(1);
    }

    @Test
    void createsTheDatabaseAgainWhenItWasDropped() throws Exception {
        InfluxSink sink = sink("dropped");
        sink.write(List.of(new TestSignals.EventCount(now(), "a", "x", 1)));
        INFLUXD.query(null, "DROP DATABASE dropped");
        sink.write(List.of(new TestSignals.EventCount(now(), "a", "x", 2)));
        assertThat(INFLUXD.rows("dropped", "SELECT counter FROM event_count")).singleElement()
                .satisfies(row -> assertThat(row.get("counter")).isEqualTo(2L));
    }

    @Test
    void storesEveryEscapedCharacterExactly() throws Exception {
        Instant t = now();
        List<String> texts = List.of("with space", "comma,inside", "equals=sign", "LAB\\user", "é🙂中文",
                "quote\"in", " both ends ", "x\\,y", "a\\ b", "a\\=b", "tab\there", "C:\\dir\\file");
        List<Signal> batch = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            batch.add(new PointSignal(Point.measurement("escape test").tag("tag key", text).tag("n", "" + i)
                    .field("text", text + "\n\"line two\" \\ end").field("field,key=x", (long) i).time(t).build()));
        }
        sink("escapes").write(batch);

        List<Map<String, Object>> rows = INFLUXD.rows("escapes", "SELECT * FROM \"escape test\" ORDER BY time");
        assertThat(rows).hasSize(texts.size());
        for (Map<String, Object> row : rows) {
            int i = Integer.parseInt((String) row.get("n"));
            assertThat(row).containsEntry("tag key", texts.get(i))
                    .containsEntry("text", texts.get(i) + "\n\"line two\" \\ end")
                    .containsEntry("field,key=x", (long) i);
        }
    }

    @Test
    void keepsBothOfTwoLogEventsInTheSameMillisecond() throws Exception {
        Instant t = now();
        sink("collide").write(List.of(new TestSignals.LogLine(t, "a", "s1", "INFO", 1, "one", "200"),
                new TestSignals.LogLine(t, "a", "s1", "INFO", 2, "two", "200")));
        List<Map<String, Object>> rows = INFLUXD.rows("collide", "SELECT message, log_row FROM log_event");
        assertThat(rows).extracting(r -> r.get("message")).containsExactly("one", "two");
        assertThat(rows).extracting(r -> r.get("time")).containsExactly(ns(t), ns(t) + 1);
    }

    @Test
    void aFieldTypeConflictRefusesOnlyTheConflictingSignals() throws Exception {
        Instant t = now();
        InfluxSink sink = sink("conflict");
        sink.write(List.of(new TestSignals.EventCount(t, "a", "first", 1.5)));

        Signal integerCounter = new PointSignal(Point.measurement("event_count").tag("source", "bad")
                .field("counter", 7L).time(t.plusMillis(1)).build());
        List<Signal> batch = List.of(new TestSignals.EventCount(t.plusMillis(2), "a", "good", 2),
                integerCounter, new TestSignals.LogLine(t, "a", "s1", "INFO", 3, "kept", "200"));
        assertThatThrownBy(() -> sink.write(batch)).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.kind()).isEqualTo(SinkException.Kind.PERMANENT);
            assertThat(e.rejectedIndices()).containsExactly(1);
            assertThat(e.getMessage()).contains("field type conflict").contains("counter");
        });
        assertThat(INFLUXD.rows("conflict", "SELECT * FROM event_count")).extracting(r -> r.get("source"))
                .containsExactlyInAnyOrder("first", "good");
        assertThat(INFLUXD.rows("conflict", "SELECT * FROM log_event")).hasSize(1);
        assertThat(sink.refusedPoints()).isEqualTo(1);
    }

    @Test
    void pointsOlderThanTheRetentionPolicyAreCountedAndTheRestWritten() throws Exception {
        Instant t = now();
        InfluxSink sink = sink("old");
        sink.write(List.of(new TestSignals.EventCount(t.minus(10, ChronoUnit.DAYS), "a", "too old", 1),
                new TestSignals.EventCount(t, "a", "fresh", 1)));
        assertThat(INFLUXD.rows("old", "SELECT * FROM event_count")).extracting(r -> r.get("source"))
                .containsExactly("fresh");
        assertThat(sink.refusedPoints()).isEqualTo(1);
    }

    @Test
    void writesToTheDatabasesDefaultPolicyWhenNoneIsNamed() throws Exception {
        sink("norp", "retention_policy", "").write(List.of(new TestSignals.EventCount(now(), "a", "x", 1)));
        assertThat(INFLUXD.rows(null, "SHOW RETENTION POLICIES ON norp")).extracting(r -> r.get("name"))
                .containsExactly("autogen");
        assertThat(INFLUXD.rows("norp", "SELECT * FROM autogen.event_count")).hasSize(1);
    }

    /** A signal that is just one point, for shapes no source has. */
    record PointSignal(Point point) implements Signal {
        @Override
        public String type() {
            return "test.point";
        }

        @Override
        public Instant time() {
            return point.time();
        }

        @Override
        public String origin() {
            return "test";
        }

        @Override
        public List<Point> toPoints() {
            return List.of(point);
        }
    }
}
