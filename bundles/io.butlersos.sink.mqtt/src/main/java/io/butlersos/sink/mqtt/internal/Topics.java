package io.butlersos.sink.mqtt.internal;

/**
 * Topic building rules. Values from Sense (host names, virtual proxies, log subsystems, origins) become
 * topic levels; the characters MQTT gives a meaning in topics ({@code +} and {@code #} are wildcards,
 * {@code /} separates levels, NUL is forbidden) are replaced by {@code _}, so a value can neither break
 * a publish (Butler SOS's publish failed on {@code +} or {@code #}) nor add levels.
 */
final class Topics {

    private Topics() {
    }

    /** The value as one topic level. Empty stays empty, which MQTT allows. */
    static String level(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' || c == '#' || c == '/' || c == '\u0000') {
                if (out == null) {
                    out = new StringBuilder(value);
                }
                out.setCharAt(i, '_');
            }
        }
        return out == null ? value : out.toString();
    }

    /** The prefix with a trailing {@code /}, so that levels can be appended; empty stays empty. */
    static String prefix(String base) {
        if (base == null || base.isEmpty() || base.endsWith("/")) {
            return base == null ? "" : base;
        }
        return base + "/";
    }

    /**
     * Checks a configured topic (or prefix): no wildcards and no NUL, which a broker refuses in a publish.
     *
     * @throws IllegalArgumentException naming the configuration key
     */
    static String checkConfigured(String key, String topic) {
        if (topic == null) {
            return "";
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(key + " '" + topic + "' holds an MQTT wildcard (+ or #), "
                    + "which cannot be published to");
        }
        return topic.trim();
    }
}
