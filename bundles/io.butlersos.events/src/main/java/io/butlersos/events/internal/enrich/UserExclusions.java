package io.butlersos.events.internal.enrich;

import java.util.HashSet;
import java.util.Set;

import io.butlersos.api.events.SenseUser;

/**
 * Users whose activity is not published (service accounts, monitoring users): Butler SOS's
 * {@code userEvents.excludeUser}, entries written {@code DIRECTORY\id}. Exact, case-sensitive, as there.
 */
public final class UserExclusions {

    private final Set<String> excluded = new HashSet<>();

    /**
     * @throws IllegalArgumentException naming the entry when it is not {@code DIRECTORY\id}
     */
    public UserExclusions(String[] entries) {
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('\\');
            if (slash <= 0 || slash == entry.length() - 1) {
                throw new IllegalArgumentException("excluded user '" + entry + "' is not written DIRECTORY\\userId");
            }
            excluded.add(entry);
        }
    }

    public boolean excludes(SenseUser user) {
        return !excluded.isEmpty() && excluded.contains(user.directory() + '\\' + user.id());
    }

    public int size() {
        return excluded.size();
    }
}
