package io.butlersos.events.internal.qix;

import java.util.List;

import io.butlersos.api.events.QixPerfEvent;

/**
 * One {@code appSpecific.app[]} entry: the apps it covers, and which object types, object ids and
 * methods of theirs are monitored. An entry that lists no app covers none.
 */
record AppSpecificFilter(List<AppRef> apps, Choice objectTypes, Choice objectIds, Choice methods) {

    boolean accepts(QixPerfEvent event) {
        boolean covered = false;
        for (AppRef app : apps) {
            if (app.matches(event.appId(), event.appName())) {
                covered = true;
                break;
            }
        }
        return covered && objectTypes.allows(event.objectType()) && objectIds.allows(event.objectId())
                && methods.allows(event.method());
    }
}
