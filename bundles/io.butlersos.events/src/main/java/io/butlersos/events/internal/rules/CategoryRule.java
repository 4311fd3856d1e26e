package io.butlersos.events.internal.rules;

import java.util.List;
import java.util.Set;

import io.butlersos.api.events.EventCategory;

/**
 * One categorisation rule: it matches an event whose level is one of {@code levels} and whose message
 * starts with, ends with or contains one of the given texts (case-sensitive, as in Butler SOS).
 *
 * @param description for people and logs
 * @param rank rules are tried in rank order (then by description)
 * @param levels lower-case levels, e.g. {@code warn}, {@code error}, {@code fatal}, {@code info}
 * @param drop true: a match drops the event; false: a match adds {@code categories}
 * @param categories the tags a match adds
 * @param startsWith message prefixes
 * @param endsWith message suffixes
 * @param contains message substrings
 */
public record CategoryRule(
        String description,
        int rank,
        Set<String> levels,
        boolean drop,
        List<EventCategory> categories,
        List<String> startsWith,
        List<String> endsWith,
        List<String> contains) {

    public CategoryRule {
        levels = Set.copyOf(levels);
        categories = List.copyOf(categories);
        startsWith = List.copyOf(startsWith);
        endsWith = List.copyOf(endsWith);
        contains = List.copyOf(contains);
    }

    /** Whether the rule applies; {@code level} is lower case. */
    boolean matches(String level, String message) {
        if (!levels.contains(level)) {
            return false;
        }
        for (String prefix : startsWith) {
            if (message.startsWith(prefix)) {
                return true;
            }
        }
        for (String suffix : endsWith) {
            if (message.endsWith(suffix)) {
                return true;
            }
        }
        for (String part : contains) {
            if (message.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
