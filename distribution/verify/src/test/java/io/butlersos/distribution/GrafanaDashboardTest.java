package io.butlersos.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.butlersos.api.json.JsonReader;

/** distribution/grafana/butler-sos-influxdb.json: valid JSON, every panel on the data source variable, real measurements. */
class GrafanaDashboardTest {

    static final Map<String, Object> DATASOURCE = Map.of("type", "influxdb", "uid", "${datasource}");

    /** Measurements of the Butler SOS InfluxDB v1 schema (reference butler-sos-polling.md §6, users.md §3) and the agent's own. */
    static final Set<String> SCHEMA = Set.of("sense_server", "mem", "apps", "cpu", "session", "users", "cache", "saturated",
            "user_session_summary", "user_session_list", "user_session_details", "butlersos_memory_usage", "event_count",
            "rejected_event_count", "user_events_queue", "log_events_queue", "butler_sos_errors", "user_events", "log_event",
            "butlersos_sink");

    static String text;
    static Map<String, Object> dashboard;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        text = Files2.read("grafana/butler-sos-influxdb.json");
        dashboard = (Map<String, Object>) JsonReader.parse(text);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static List<Map<String, Object>> panels() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> panel : list(dashboard.get("panels"))) {
            all.add(panel);
            if (panel.get("panels") != null) {
                all.addAll(list(panel.get("panels")));
            }
        }
        return all;
    }

    @Test
    void theDataSourceIsAVariableOfTypeInfluxdb() {
        @SuppressWarnings("unchecked")
        Map<String, Object> templating = (Map<String, Object>) dashboard.get("templating");
        Map<String, Object> variable = list(templating.get("list")).stream()
                .filter(v -> "datasource".equals(v.get("type"))).findFirst().orElseThrow();
        assertThat(variable).containsEntry("name", "datasource").containsEntry("query", "influxdb");
        for (Map<String, Object> v : list(templating.get("list"))) {
            if ("query".equals(v.get("type"))) {
                assertThat(v.get("datasource")).as("variable " + v.get("name")).isEqualTo(DATASOURCE);
            }
        }
    }

    @Test
    void everyPanelAndEveryQueryUsesTheDataSourceVariable() {
        List<Map<String, Object>> panels = panels().stream().filter(p -> !"row".equals(p.get("type"))).toList();
        assertThat(panels).hasSizeGreaterThan(15);
        for (Map<String, Object> panel : panels) {
            assertThat(panel.get("datasource")).as("panel '" + panel.get("title") + "'").isEqualTo(DATASOURCE);
            assertThat(list(panel.get("targets"))).as("panel '" + panel.get("title") + "' queries").isNotEmpty()
                    .allSatisfy(target -> assertThat(target.get("datasource")).isEqualTo(DATASOURCE));
        }
    }

    @Test
    void noDataSourceNameOrUidIsWrittenIntoTheFile() {
        Matcher uids = Pattern.compile("\"uid\":\\s*\"([^\"]*)\"").matcher(text);
        while (uids.find()) {
            assertThat(uids.group(1)).isIn("${datasource}", "butler-sos-influxdb"); // the dashboard's own uid
        }
        assertThat(text).doesNotContainIgnoringCase("senseops").doesNotContain("${DS_");
    }

    @Test
    void everyQueryReadsMeasurementsOfTheSchema() {
        Pattern from = Pattern.compile("FROM ((?:\"[a-z_]+\"(?:, )?)+)");
        int queries = 0;
        for (Map<String, Object> panel : panels()) {
            if (panel.get("targets") == null) {
                continue;
            }
            for (Map<String, Object> target : list(panel.get("targets"))) {
                String query = (String) target.get("query");
                assertThat(query).contains("$timeFilter");
                Matcher m = from.matcher(query);
                assertThat(m.find()).as(query).isTrue();
                for (String measurement : m.group(1).replace("\"", "").split(", ")) {
                    assertThat(SCHEMA).as("measurement in " + query).contains(measurement);
                }
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(15);
    }
}
