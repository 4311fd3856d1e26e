package io.butlersos.events.internal.qix;

import java.util.List;

import io.butlersos.api.events.QixPerfEvent;

/**
 * Which QIX performance events are kept: those an app-specific entry accepts, else those the all-apps
 * filter accepts (Butler SOS's {@code monitorFilter}). Immutable.
 *
 * @param allAppsEnabled whether the all-apps filter is on
 * @param excludedApps apps the all-apps filter leaves out
 * @param objectTypes the all-apps object type choice
 * @param methods the all-apps method choice
 * @param appSpecificEnabled whether the app-specific entries are on
 * @param appSpecific the entries
 */
record QixPerfFilter(boolean allAppsEnabled, List<AppRef> excludedApps, Choice objectTypes, Choice methods,
        boolean appSpecificEnabled, List<AppSpecificFilter> appSpecific) {

    boolean accepts(QixPerfEvent event) {
        if (appSpecificEnabled) {
            for (AppSpecificFilter entry : appSpecific) {
                if (entry.accepts(event)) {
                    return true;
                }
            }
        }
        if (!allAppsEnabled) {
            return false;
        }
        for (AppRef app : excludedApps) {
            if (app.matches(event.appId(), event.appName())) {
                return false;
            }
        }
        return objectTypes.allows(event.objectType()) && methods.allows(event.method());
    }
}
