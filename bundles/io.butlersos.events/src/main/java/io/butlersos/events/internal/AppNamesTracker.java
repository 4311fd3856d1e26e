package io.butlersos.events.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.butlersos.api.sense.AppNameDirectory;
import io.butlersos.events.internal.enrich.AppNames;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The app names the receivers see: whatever app-name directories the Sense polling side offers (one
 * per monitored Sense site, each read from QRS), asked in turn. They may come and go at any time;
 * with none bound no app is known and events carry the "unknown" name, as when a directory has not
 * been read yet.
 */
@Component(service = AppNamesTracker.class)
public final class AppNamesTracker implements AppNames {

    private final List<AppNameDirectory> directories = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDirectory")
    void addDirectory(AppNameDirectory directory) {
        directories.add(directory);
    }

    void removeDirectory(AppNameDirectory directory) {
        directories.remove(directory);
    }

    @Override
    public String nameOf(String appId) {
        for (AppNameDirectory directory : directories) {
            Optional<String> name = directory.appName(appId);
            if (name.isPresent()) {
                return name.get();
            }
        }
        return null;
    }
}
