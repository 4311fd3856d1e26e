package io.butlersos.config.internal.mapping;

import java.util.Locale;

/** Names of factory configurations, the part after the {@code ~} of a PID (and after the {@code -} of a .cfg file). */
public final class Names {

    private Names() {
    }

    /** "Sense Central #1" becomes "sense-central-1": safe in a PID and in a file name. */
    public static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "unnamed" : slug;
    }
}
