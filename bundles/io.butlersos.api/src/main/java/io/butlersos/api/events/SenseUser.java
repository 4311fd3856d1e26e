package io.butlersos.api.events;

/**
 * A Sense user as Sense writes it: a user directory and a user id, shown together as {@code DIR\id}.
 * Every part is empty when unknown, never null.
 *
 * @param directory the user directory, e.g. {@code LAB}
 * @param id the user id, e.g. {@code goran}
 * @param full {@code directory\id}, or the unsplittable text Sense sent
 */
public record SenseUser(String directory, String id, String full) {

    /** No user. */
    public static final SenseUser NONE = new SenseUser("", "", "");

    public SenseUser {
        directory = directory == null ? "" : directory;
        id = id == null ? "" : id;
        full = full == null ? "" : full;
    }

    /**
     * The user from separate directory and id fields, or, when either is empty, from a combined
     * {@code DIR\id} field (split at the first backslash, so an id that itself holds a backslash
     * survives). A combined value without a backslash is kept whole in {@code full}.
     */
    public static SenseUser of(String directory, String id, String combined) {
        if (directory != null && !directory.isEmpty() && id != null && !id.isEmpty()) {
            return new SenseUser(directory, id, directory + '\\' + id);
        }
        if (combined != null && !combined.isEmpty()) {
            int slash = combined.indexOf('\\');
            if (slash > 0 && slash < combined.length() - 1) {
                return new SenseUser(combined.substring(0, slash), combined.substring(slash + 1), combined);
            }
            return new SenseUser("", "", combined);
        }
        return new SenseUser(directory, id, "");
    }

    public boolean isEmpty() {
        return directory.isEmpty() && id.isEmpty() && full.isEmpty();
    }
}
