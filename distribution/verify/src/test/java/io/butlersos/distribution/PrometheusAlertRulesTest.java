package io.butlersos.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * distribution/prometheus/butler-sos-alerts.yml: promtool accepts it, its unit tests (which fire each
 * alert from sample series) pass, and it only uses metric names the Prometheus output exposes.
 * Needs promtool (Debian package {@code prometheus}); under CI=true a missing promtool fails.
 */
class PrometheusAlertRulesTest {

    static final Path RULES = Files2.DISTRIBUTION.resolve("prometheus/butler-sos-alerts.yml");
    static final Path RULE_TESTS = Files2.DISTRIBUTION.resolve("prometheus/butler-sos-alerts.test.yml");

    /** What io.butlersos.sink.prometheus exposes (its README), plus Prometheus's own up. */
    static final Set<String> EXPOSED = Set.of("butlersos_mem_free", "butlersos_mem_committed", "butlersos_mem_allocated",
            "butlersos_cache_saturated", "butlersos_polls_total", "butlersos_poll_last_success_timestamp_seconds",
            "butlersos_poll_duration_seconds_bucket",
            "butlersos_errors_total", "butlersos_udp_messages_dropped_total", "butlersos_sink_dropped_total",
            "butlersos_sink_attached", "butlersos_cpu_total", "up");

    static String promtool() {
        return Tools.require("promtool", "prometheus").toString();
    }

    @Test
    void promtoolChecksTheRules() throws Exception {
        Tools.Run check = Tools.run(promtool(), "check", "rules", RULES.toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 9 rules found");
    }

    @Test
    void everyAlertFiresOnItsSampleSeries() throws Exception {
        Tools.Run test = Tools.run(promtool(), "test", "rules", RULE_TESTS.toString());
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void theRulesUseOnlyMetricsTheOutputExposes() throws Exception {
        String rules = Files2.read("prometheus/butler-sos-alerts.yml");
        Matcher expressions = Pattern.compile("expr: (\\|\\n(?:\\s{10}.*\\n)+|.*)").matcher(rules);
        int found = 0;
        while (expressions.find()) {
            Matcher metric = Pattern.compile("\\b(butlersos_[a-z_]+|up)\\b(?=[{\\s=<>)\\[]|$)").matcher(expressions.group(1));
            while (metric.find()) {
                assertThat(EXPOSED).as("metric in " + expressions.group(1).strip()).contains(metric.group(1));
                found++;
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(8);
        assertThat(List.of("SenseEngineLowFreeMemory", "SenseEngineSaturated", "SenseNodeSilent", "SensePollsFailing",
                "SenseHealthChecksSlow", "ButlerSosEventsDropped")).allSatisfy(alert -> assertThat(rules).contains("alert: " + alert));
    }
}
