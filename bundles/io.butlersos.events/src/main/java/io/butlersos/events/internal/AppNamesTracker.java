package io.butlersos.events.internal;

import io.butlersos.events.internal.enrich.AppNames;
import org.osgi.service.component.annotations.Component;

/**
 * The app names the receivers see. The Sense polling bundle's app-name directory plugs in here once
 * its API is on main (an optional, dynamic reference); until then no app is known and events carry
 * the "unknown" name, exactly as when the directory has not been read yet.
 */
@Component(service = AppNamesTracker.class)
public final class AppNamesTracker implements AppNames {

    @Override
    public String nameOf(String appId) {
        return null;
    }
}
