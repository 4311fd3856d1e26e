package io.butlersos.events.internal.qix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.butlersos.api.events.EventHeader;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.SenseUser;
import io.butlersos.api.events.TimeSource;
import io.butlersos.events.internal.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class QixPerfFilterTest {

    static final String SALES = "e7af59a0-c243-480d-9571-08727551a66f";
    static final String HR = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    public static QixPerfEvent event(String appId, String appName, String method, String objectType, String objectId) {
        EventHeader header = new EventHeader(LogSource.QIX_PERF, 1, "", "", "INFO", "sense1",
                "QixPerformance.Engine.Engine", "LAB\\svc", Instant.EPOCH, TimeSource.RECEIVED);
        return new QixPerfEvent(Instant.EPOCH, Map.of(), header, SenseUser.NONE, "", "", appId, appName, "", 1, method,
                1.5, 1, 0, 0, 0, 1, objectId, 1, 1, objectType, true, List.of());
    }

    private static QixPerfMonitor monitor(Map<String, Object> config, QixPerfAppConfig... apps) {
        QixPerfMonitor monitor = new QixPerfMonitor();
        monitor.activate(Configs.of(QixPerfConfig.class, config));
        for (QixPerfAppConfig app : apps) {
            QixPerfAppComponent component = new QixPerfAppComponent(app);
            monitor.addApp(component);
        }
        return monitor;
    }

    static Stream<Arguments> allApps() {
        Map<String, Object> excludeSales = Map.of("all_apps_enabled", true, "all_apps_exclude", new String[] {SALES});
        Map<String, Object> excludeByName = Map.of("all_apps_enabled", true, "all_apps_exclude", new String[] {"Sales"});
        Map<String, Object> excludeBoth = Map.of("all_apps_enabled", true,
                "all_apps_exclude", new String[] {SALES + "|Other name"});
        Map<String, Object> typesExcluded = Map.of("all_apps_enabled", true,
                "object_types_exclude", new String[] {"<Unknown>", "AppPropsList"});
        Map<String, Object> typesIncluded = Map.of("all_apps_enabled", true, "all_object_types", false,
                "object_types_include", new String[] {"barchart"});
        Map<String, Object> methodsExcluded = Map.of("all_apps_enabled", true,
                "methods_exclude", new String[] {"Doc::GetAppLayout"});
        Map<String, Object> methodsIncluded = Map.of("all_apps_enabled", true, "all_methods", false,
                "methods_include", new String[] {"GenericObject::GetLayout"});
        return Stream.of(
                Arguments.of(Map.of(), event(SALES, "Sales", "m", "barchart", "o"), false),
                Arguments.of(Map.of("all_apps_enabled", true), event(SALES, "Sales", "m", "barchart", "o"), true),
                Arguments.of(excludeSales, event(SALES, "Sales", "m", "barchart", "o"), false),
                Arguments.of(excludeSales, event(HR, "HR", "m", "barchart", "o"), true),
                Arguments.of(excludeByName, event(SALES, "Sales", "m", "barchart", "o"), false),
                Arguments.of(excludeByName, event(SALES, "", "m", "barchart", "o"), true),
                Arguments.of(excludeBoth, event(SALES, "Sales", "m", "barchart", "o"), true),
                Arguments.of(typesExcluded, event(SALES, "Sales", "m", "<Unknown>", "o"), false),
                Arguments.of(typesExcluded, event(SALES, "Sales", "m", "linechart", "o"), true),
                Arguments.of(typesIncluded, event(SALES, "Sales", "m", "barchart", "o"), true),
                Arguments.of(typesIncluded, event(SALES, "Sales", "m", "linechart", "o"), false),
                Arguments.of(methodsExcluded, event(SALES, "Sales", "Doc::GetAppLayout", "x", "o"), false),
                Arguments.of(methodsIncluded, event(SALES, "Sales", "GenericObject::GetLayout", "x", "o"), true),
                Arguments.of(methodsIncluded, event(SALES, "Sales", "Doc::GetAppLayout", "x", "o"), false));
    }

    @ParameterizedTest
    @MethodSource("allApps")
    void allAppsFilter(Map<String, Object> config, QixPerfEvent event, boolean accepted) {
        assertThat(monitor(config).accepts(event)).isEqualTo(accepted);
    }

    @Test
    void appSpecificEntriesAcceptTheirAppsWithTheirOwnChoices() {
        QixPerfAppConfig sales = Configs.of(QixPerfAppConfig.class, Map.of("apps", new String[] {SALES},
                "all_app_objects", false, "app_objects_include", new String[] {"rwPjBk"}));
        QixPerfAppConfig hr = Configs.of(QixPerfAppConfig.class, Map.of("apps", new String[] {"HR"},
                "methods_exclude", new String[] {"Doc::GetAppLayout"}));
        QixPerfMonitor monitor = monitor(Map.of("app_specific_enabled", true), sales, hr);

        assertThat(monitor.accepts(event(SALES, "", "m", "t", "rwPjBk"))).isTrue();
        assertThat(monitor.accepts(event(SALES.toUpperCase(), "", "m", "t", "rwPjBk"))).isTrue();
        assertThat(monitor.accepts(event(SALES, "", "m", "t", "other"))).isFalse();
        assertThat(monitor.accepts(event(HR, "HR", "m", "t", "x"))).isTrue();
        assertThat(monitor.accepts(event(HR, "HR", "Doc::GetAppLayout", "t", "x"))).isFalse();
        assertThat(monitor.accepts(event("", "", "m", "t", "x"))).isFalse();
    }

    @Test
    void appSpecificFallsBackToAllApps() {
        QixPerfAppConfig sales = Configs.of(QixPerfAppConfig.class, Map.of("apps", new String[] {SALES},
                "all_methods", false, "methods_include", new String[] {"only"}));
        QixPerfMonitor monitor = monitor(Map.of("app_specific_enabled", true, "all_apps_enabled", true,
                "methods_exclude", new String[] {"Doc::GetAppLayout"}), sales);
        assertThat(monitor.accepts(event(SALES, "", "other", "t", "x"))).as("all-apps takes it").isTrue();
        assertThat(monitor.accepts(event(SALES, "", "Doc::GetAppLayout", "t", "x"))).isFalse();
    }
}
