package io.butlersos.sink.mqtt.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * List attributes as operators write them. A {@code .cfg} file hands a list to Config Admin as one
 * string, so each entry may itself be a comma-separated list ({@code a,b}) or a bracketed one
 * ({@code ["a","b"]}); both become their entries. None of this sink's list values (URLs, signal types,
 * {@code type=qos}) contains a comma of its own.
 */
final class ConfigLists {

    private ConfigLists() {
    }

    static List<String> of(String[] raw) {
        List<String> out = new ArrayList<>();
        for (String entry : raw == null ? new String[0] : raw) {
            if (entry == null) {
                continue;
            }
            String text = entry.trim();
            if (text.length() >= 2 && text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String part : text.split(",")) {
                String value = part.trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1).trim();
                }
                if (!value.isEmpty()) {
                    out.add(value);
                }
            }
        }
        return out;
    }
}
