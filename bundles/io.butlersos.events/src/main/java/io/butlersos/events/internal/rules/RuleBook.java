package io.butlersos.events.internal.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.butlersos.api.events.EventCategory;

/**
 * The rules in force, evaluated in order. Every matching rule adds its categories; the first matching
 * drop rule ends evaluation and drops the event. When no rule matched, the default categories apply
 * (if switched on). Immutable, so a configuration change swaps in a new book without locks.
 */
public final class RuleBook {

    private final List<CategoryRule> rules;
    private final boolean defaultEnabled;
    private final List<EventCategory> defaults;

    public RuleBook(List<CategoryRule> rules, boolean defaultEnabled, List<EventCategory> defaults) {
        List<CategoryRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(CategoryRule::rank).thenComparing(CategoryRule::description));
        this.rules = List.copyOf(sorted);
        this.defaultEnabled = defaultEnabled;
        this.defaults = List.copyOf(defaults);
    }

    public Verdict apply(String level, String message) {
        String lower = level.toLowerCase(Locale.ROOT);
        Set<EventCategory> found = null;
        for (CategoryRule rule : rules) {
            if (rule.matches(lower, message)) {
                if (rule.drop()) {
                    return new Verdict(true, rule.description(), List.of());
                }
                if (found == null) {
                    found = new LinkedHashSet<>();
                }
                found.addAll(rule.categories());
            }
        }
        if (found == null) {
            return defaultEnabled ? new Verdict(false, "", defaults) : Verdict.KEEP;
        }
        return new Verdict(false, "", List.copyOf(found));
    }

    public int size() {
        return rules.size();
    }
}
