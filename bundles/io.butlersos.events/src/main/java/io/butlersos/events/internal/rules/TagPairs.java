package io.butlersos.events.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.events.EventCategory;

/** Reads {@code name=value} entries, the way categories and static tags are configured. */
public final class TagPairs {

    private TagPairs() {
    }

    /**
     * The entries as categories, in order.
     *
     * @param key the configuration key, named in the error
     * @throws IllegalArgumentException naming the key and entry when an entry has no {@code =}, or an empty name or value
     */
    public static List<EventCategory> categories(String key, String[] entries) {
        List<EventCategory> out = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException(key + ": '" + entry + "' is not written name=value");
            }
            out.add(new EventCategory(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()));
        }
        return out;
    }

    /** The entries as a tag map, in order. */
    public static Map<String, String> tags(String key, String[] entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (EventCategory pair : categories(key, entries)) {
            out.put(pair.name(), pair.value());
        }
        return out;
    }
}
