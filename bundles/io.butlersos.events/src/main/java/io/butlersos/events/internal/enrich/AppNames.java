package io.butlersos.events.internal.enrich;

/**
 * App GUID to app name. The Sense polling side fills the real directory from QRS; until one is
 * bound, nothing is known and events carry the "unknown" name.
 */
@FunctionalInterface
public interface AppNames {

    /** Knows no app. */
    AppNames NONE = appId -> null;

    /** The app's name, or null when unknown. */
    String nameOf(String appId);
}
