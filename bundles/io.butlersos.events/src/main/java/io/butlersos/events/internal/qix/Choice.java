package io.butlersos.events.internal.qix;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "All, except these" or "only these": how Butler SOS filters object types, object ids and methods.
 * Exact, case-sensitive comparison; {@code <Unknown>} is a value like any other.
 */
record Choice(boolean all, Set<String> exclude, Set<String> include) {

    static Choice of(boolean all, String[] exclude, String[] include) {
        return new Choice(all, clean(exclude), clean(include));
    }

    boolean allows(String value) {
        return all ? !exclude.contains(value) : include.contains(value);
    }

    private static Set<String> clean(String[] values) {
        return Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
