package io.butlersos.api.sense;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * App id to app name, as last read from the Qlik Sense repository (QRS). The directory is replaced as
 * a whole after each successful read; a failed read keeps the previous one. Session apps (ids starting
 * with {@value #SESSION_APP_PREFIX}) are never in the repository and are recognised by their id.
 */
@ProviderType
public interface AppNameDirectory {

    /** Ids of session apps start with this; Sense creates them on the fly and QRS does not list them. */
    String SESSION_APP_PREFIX = "SessionApp";

    /** Whether the id names a session app (a prefix match at position 0, as Butler SOS does it). */
    static boolean isSessionApp(String appId) {
        return appId != null && appId.startsWith(SESSION_APP_PREFIX);
    }

    /** The app's name, or empty when the id is unknown (or a session app). */
    Optional<String> appName(String appId);

    /** The app's name, or the id itself when the name is unknown. */
    default String nameOrId(String appId) {
        return appName(appId).orElse(appId);
    }

    /** All apps known now, by id; an unmodifiable snapshot. */
    Map<String, AppInfo> apps();

    /** When the directory was last read successfully, or empty before the first success. */
    Optional<Instant> refreshedAt();
}
