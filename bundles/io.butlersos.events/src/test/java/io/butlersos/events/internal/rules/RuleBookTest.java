package io.butlersos.events.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.butlersos.api.events.EventCategory;
import io.butlersos.events.internal.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleBookTest {

    static final EventCategory ACCESS = new EventCategory("qs_log_category", "access-denied");
    static final EventCategory RELOAD = new EventCategory("qs_log_category", "reload-failed");
    static final EventCategory SECURITY = new EventCategory("qs_area", "security");
    static final EventCategory UNKNOWN = new EventCategory("qs_log_category", "unknown");

    static final RuleBook BOOK = new RuleBook(List.of(
            new CategoryRule("access denied", 10, Set.of("warn", "error"), false, List.of(ACCESS, SECURITY),
                    List.of("Access was denied"), List.of(), List.of()),
            new CategoryRule("security too", 20, Set.of("warn"), false, List.of(SECURITY), List.of(), List.of(),
                    List.of("denied")),
            new CategoryRule("reload failed", 30, Set.of("error", "fatal"), false, List.of(RELOAD), List.of(),
                    List.of("Check engine or script logs."), List.of()),
            new CategoryRule("noise", 40, Set.of("warn"), true, List.of(), List.of(), List.of(),
                    List.of("Performance counter"))),
            true, List.of(UNKNOWN));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("WARN", "Access was denied for User: 'LAB\\goran'", false, List.of(ACCESS, SECURITY)),
                Arguments.of("ERROR", "Access was denied", false, List.of(ACCESS, SECURITY)),
                Arguments.of("INFO", "Access was denied", false, List.of(UNKNOWN)),
                Arguments.of("ERROR", "Reload failed in Engine. Check engine or script logs.", false, List.of(RELOAD)),
                Arguments.of("FATAL", "Reload failed. Check engine or script logs.", false, List.of(RELOAD)),
                Arguments.of("warn", "access was denied", false, List.of(SECURITY)),
                Arguments.of("WARN", "Performance counter missing", true, List.of()),
                Arguments.of("WARN", "Something else", false, List.of(UNKNOWN)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rulesMatchOnLevelAndMessage(String level, String message, boolean drop, List<EventCategory> categories) {
        Verdict verdict = BOOK.apply(level, message);
        assertThat(verdict.drop()).isEqualTo(drop);
        assertThat(verdict.categories()).containsExactlyElementsOf(categories);
    }

    @Test
    void noDefaultWhenSwitchedOff() {
        RuleBook book = new RuleBook(List.of(), false, List.of(UNKNOWN));
        assertThat(book.apply("WARN", "x")).isEqualTo(Verdict.KEEP);
    }

    @Test
    void configurationBecomesARule() {
        CategoryRule rule = RuleComponent.toRule(Configs.of(RuleConfig.class, Map.of("description", "d",
                "log_levels", new String[] {"WARN", " Error "}, "categories", new String[] {"a=b"},
                "contains", new String[] {"x"})));
        assertThat(rule.levels()).containsExactlyInAnyOrder("warn", "error");
        assertThat(rule.categories()).containsExactly(new EventCategory("a", "b"));
        assertThat(rule.drop()).isFalse();

        assertThat(RuleComponent.toRule(Configs.of(RuleConfig.class, Map.of("action", "DROP",
                "starts_with", new String[] {"x"}))).drop()).isTrue();
    }

    @Test
    void badRulesAreRefusedWithTheKey() {
        assertThatThrownBy(() -> RuleComponent.toRule(Configs.of(RuleConfig.class, Map.of("description", "r1",
                "action", "ignore", "contains", new String[] {"x"})))).hasMessageContaining("action 'ignore'")
                .hasMessageContaining("r1");
        assertThatThrownBy(() -> RuleComponent.toRule(Configs.of(RuleConfig.class, Map.of("description", "r2"))))
                .hasMessageContaining("can never match");
        assertThatThrownBy(() -> RuleComponent.toRule(Configs.of(RuleConfig.class, Map.of("description", "r3",
                "contains", new String[] {"x"}, "categories", new String[] {"novalue"}))))
                .hasMessageContaining("'novalue' is not written name=value");
    }

    @Test
    void categoriserFollowsRulesAsTheyComeAndGo() {
        Categoriser categoriser = new Categoriser();
        categoriser.activate(Configs.of(CategoriserConfig.class, Map.of("enabled", true)));
        assertThat(categoriser.apply("WARN", "Access was denied").categories()).containsExactly(UNKNOWN);

        CategoryRule access = BOOK.apply("WARN", "x").drop() ? null : new CategoryRule("a", 1, Set.of("warn"), false,
                List.of(ACCESS), List.of("Access"), List.of(), List.of());
        RuleSource source = () -> access;
        categoriser.addRule(source);
        assertThat(categoriser.apply("WARN", "Access was denied").categories()).containsExactly(ACCESS);

        categoriser.removeRule(source);
        assertThat(categoriser.apply("WARN", "Access was denied").categories()).containsExactly(UNKNOWN);

        categoriser.modified(Configs.of(CategoriserConfig.class, Map.of("enabled", false)));
        assertThat(categoriser.apply("WARN", "Access was denied")).isEqualTo(Verdict.KEEP);
    }
}
