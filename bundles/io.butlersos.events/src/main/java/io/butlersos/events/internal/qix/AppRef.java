package io.butlersos.events.internal.qix;

import java.util.ArrayList;
import java.util.List;

/**
 * An app as filters name it: by id, by name, or both (then both must match, as in Butler SOS).
 * Written {@code id|name}; an entry without {@code |} is an id when it looks like a GUID, else a name.
 *
 * @param id the app GUID, empty for any
 * @param name the app name, empty for any
 */
record AppRef(String id, String name) {

    boolean matches(String appId, String appName) {
        return (id.isEmpty() || id.equalsIgnoreCase(appId)) && (name.isEmpty() || name.equals(appName));
    }

    static List<AppRef> parse(String[] entries) {
        List<AppRef> out = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int bar = entry.indexOf('|');
            if (bar >= 0) {
                out.add(new AppRef(entry.substring(0, bar).strip(), entry.substring(bar + 1).strip()));
            } else if (looksLikeGuid(entry)) {
                out.add(new AppRef(entry, ""));
            } else {
                out.add(new AppRef("", entry));
            }
        }
        return out;
    }

    private static boolean looksLikeGuid(String text) {
        return text.length() == 36 && text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }
}
