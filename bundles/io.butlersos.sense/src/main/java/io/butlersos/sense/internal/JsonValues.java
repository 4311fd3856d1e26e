package io.butlersos.sense.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lenient access to parsed JSON: a member that is missing, null or of an unusable type reads as null,
 * so a newer or older Sense that sends more, less or differently typed members never breaks a poll.
 */
final class JsonValues {

    private JsonValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    static String string(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (v instanceof String s) {
            return s;
        }
        return v instanceof Number || v instanceof Boolean ? String.valueOf(v) : null;
    }

    static Double decimal(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** An integer; a decimal is floored, as Butler SOS's v1 schema does. */
    static Long integer(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        Double d = decimal(parent, key);
        return d == null ? null : (long) Math.floor(d);
    }

    static Boolean bool(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        return null;
    }

    /** The strings of an array member, skipping other items; null when the member is not an array. */
    static List<String> strings(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (!(v instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }
}
