package io.butlersos.web.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shows a configuration with its secrets hidden. A value is hidden when the Metatype description of
 * its PID marks the attribute PASSWORD, and, in case a description is missing or wrong, when its key
 * starts with a dot (a private property) or names a password, token, secret or key.
 */
final class ConfigMasker {

    /** What a hidden value that was set is shown as. */
    static final String MASK = "********";
    private static final List<String> SECRET_WORDS = List.of("password", "passphrase", "token", "secret", "key");

    private ConfigMasker() {
    }

    /** Whether a key is treated as secret even without a Metatype description. */
    static boolean looksSecret(String key) {
        if (key.startsWith(".")) {
            return true;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The properties, sorted by key, with every secret replaced by {@link #MASK} (or by an empty string
     * when it is empty, so operators can see that a secret is missing without seeing one that is set).
     */
    static Map<String, Object> mask(Dictionary<String, Object> properties, Set<String> passwordKeys) {
        Map<String, Object> out = new TreeMap<>();
        if (properties == null) {
            return out;
        }
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            Object value = properties.get(key);
            if (passwordKeys.contains(key) || looksSecret(key)) {
                out.put(key, isEmpty(value) ? "" : MASK);
            } else {
                out.put(key, plain(value));
            }
        }
        return out;
    }

    /** Arrays become lists; everything else stays as Config Admin holds it. */
    private static Object plain(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            return items;
        }
        if (value instanceof java.util.Collection<?> c) {
            return new ArrayList<>(c);
        }
        return value;
    }

    private static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value.getClass().isArray()) {
            return Array.getLength(value) == 0;
        }
        return value.toString().isEmpty();
    }

    /** One configuration for the view. */
    static Map<String, Object> entry(String pid, String factoryPid, Map<String, Object> masked) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pid", pid);
        out.put("factoryPid", factoryPid);
        out.put("properties", masked);
        return out;
    }
}
