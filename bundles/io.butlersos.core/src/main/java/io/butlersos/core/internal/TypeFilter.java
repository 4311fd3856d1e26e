package io.butlersos.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which signal types a sink takes: {@code *}, exact names, or prefixes written as {@code sense.*}.
 * Answers are cached per type, since there are few types and many signals.
 */
final class TypeFilter {

    private static final TypeFilter ALL = new TypeFilter(List.of("*"));

    private final List<String> patterns;
    private final boolean all;
    private final ConcurrentHashMap<String, Boolean> answers = new ConcurrentHashMap<>();

    private TypeFilter(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.all = patterns.contains("*");
    }

    /** From a service property: null, a String (comma-separated allowed), a String[] or a Collection. */
    static TypeFilter of(Object property) {
        List<String> patterns = new ArrayList<>();
        if (property instanceof String[] array) {
            for (String s : array) {
                split(s, patterns);
            }
        } else if (property instanceof Collection<?> items) {
            items.forEach(item -> split(String.valueOf(item), patterns));
        } else if (property != null) {
            split(property.toString(), patterns);
        }
        return patterns.isEmpty() ? ALL : new TypeFilter(patterns);
    }

    private static void split(String value, List<String> into) {
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                into.add(part.trim());
            }
        }
    }

    boolean accepts(String type) {
        if (all) {
            return true;
        }
        return answers.computeIfAbsent(type, this::matches);
    }

    private boolean matches(String type) {
        for (String pattern : patterns) {
            if (pattern.endsWith(".*") ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(type)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
