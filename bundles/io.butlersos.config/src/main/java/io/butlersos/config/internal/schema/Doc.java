package io.butlersos.config.internal.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A validated configuration: every value by its path below {@code Butler-SOS} (e.g.
 * {@code serversToMonitor.servers[0].host}), with the line it came from. Values are Boolean, Long, String,
 * List or Map; absent and null keys have no entry. Sections switched off hold only their flag.
 */
public final class Doc {

    /** One value and where it was written. */
    public record Entry(Object value, int line) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    /** Sections switched off, as written (text, lists and maps, unresolved and unchecked), by path. */
    private final Map<String, Object> unchecked = new LinkedHashMap<>();
    private final String file;

    public Doc(String file) {
        this.file = file;
    }

    /** The file as the operator named it. */
    public String file() {
        return file;
    }

    void put(String path, Object value, int line) {
        entries.put(path, new Entry(value, line));
    }

    void putUnchecked(String path, Object value) {
        unchecked.put(path, value);
    }

    void secret(String value) {
        if (value != null && !value.isEmpty()) {
            secrets.add(value);
        }
    }

    public Object get(String path) {
        Entry entry = entries.get(path);
        return entry == null ? null : entry.value();
    }

    /**
     * Like {@link #get}, but also looks inside unchecked sections (kept as plain maps) and inside sections
     * switched off, as written: their values are text there ({@code "true"}, {@code "8011"}), never checked.
     */
    public Object find(String path) {
        if (unchecked.containsKey(path)) {
            return unchecked.get(path);
        }
        if (entries.containsKey(path)) {
            return get(path);
        }
        int cut = path.lastIndexOf('.');
        if (cut <= 0) {
            return null;
        }
        Object parent = find(path.substring(0, cut));
        return parent instanceof Map<?, ?> map ? map.get(path.substring(cut + 1)) : null;
    }

    public boolean has(String path) {
        return entries.containsKey(path);
    }

    /** The line of a path, or of its closest written parent, or 1. */
    public int line(String path) {
        String p = path;
        while (true) {
            Entry entry = entries.get(p);
            if (entry != null) {
                return entry.line();
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return 1;
            }
            p = p.substring(0, cut);
        }
    }

    /** True unless the value is there and false; for "absent means on" flags. */
    public boolean notFalse(String path) {
        return !Boolean.FALSE.equals(get(path));
    }

    public boolean isTrue(String path) {
        return Boolean.TRUE.equals(get(path));
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** Every value that came from a secret key or from ${env:...} / ${file:...}: masked wherever shown. */
    public Set<String> secretValues() {
        return Collections.unmodifiableSet(secrets);
    }

    /** The path as messages show it, with the Butler-SOS prefix. */
    public static String display(String path) {
        return path.isEmpty() ? ButlerSosSchema.ROOT_KEY : ButlerSosSchema.ROOT_KEY + "." + path;
    }
}
