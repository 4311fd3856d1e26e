package io.butlersos.logging.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Configuration values as text: arrays and collections as {@code [a, b]}. */
final class ConfigText {

    private ConfigText() {
    }

    static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(render(Array.get(value, i)));
            }
            return items.toString();
        }
        if (value instanceof Collection<?> collection) {
            List<String> items = new ArrayList<>();
            collection.forEach(item -> items.add(render(item)));
            return items.toString();
        }
        return String.valueOf(value);
    }
}
