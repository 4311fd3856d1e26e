package io.butlersos.config.internal.recreate;

import java.io.IOException;
import java.util.Dictionary;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a configuration that is deleted and created again under the same PID reach its component.
 *
 * <p>Why: Config Admin delivers events on one thread, late on a busy machine. When Felix SCR handles the
 * deletion after the new configuration already exists, it does not drop the component but hands it the
 * new configuration (112.7 re-configuration), and it ignores any configuration whose change count is not
 * above the last one it applied for that PID. A re-created configuration counts from the start again, so
 * its count equals or trails the old one: SCR ignores it, and its later updates too until they overtake
 * the old count. The component keeps running with the deleted settings (a receiver stays on its old
 * port). Anything that deletes and re-creates a PID quickly triggers it: a YAML section removed and put
 * back, a .cfg file removed and written again, a test that reconfigures what the previous test deleted.
 *
 * <p>What: this listener remembers the highest change count of every PID. When a deletion reaches it
 * while a configuration under that PID exists again, and that configuration's count is at or below the
 * highest seen, it updates the configuration unchanged until its count is above. Config Admin queues
 * those updates behind the deletion, so SCR then sees a count it has not applied and configures the
 * component with the new settings. When the deletion is handled before the new configuration appears
 * (the ordinary case) SCR drops the component and takes the new configuration as new: nothing is done.
 * Left open: a re-creation that lands between SCR's and this listener's handling of the same deletion
 * event (microseconds apart on one thread) is not seen as late.
 */
@Component(service = ConfigurationListener.class, immediate = true)
public final class RecreatedConfigurationGuard implements ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(RecreatedConfigurationGuard.class);

    private final ConfigurationAdmin admin;
    private final ChangeCounts counts = new ChangeCounts();

    @Activate
    public RecreatedConfigurationGuard(@Reference ConfigurationAdmin admin) {
        this.admin = admin;
        try {
            Configuration[] existing = admin.listConfigurations(null);
            if (existing != null) {
                for (Configuration configuration : existing) {
                    if (configuration.getFactoryPid() == null) {
                        counts.observe(configuration.getPid(), configuration.getChangeCount());
                    }
                }
            }
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            LOG.warn("Cannot read the existing configurations' change counts: {}", e.toString());
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        // SCR drops a deleted factory configuration's component unconditionally, so only singletons can go stale.
        if (event.getFactoryPid() != null || event.getType() == ConfigurationEvent.CM_LOCATION_CHANGED) {
            return;
        }
        String pid = event.getPid();
        try {
            Configuration current = find(pid);
            Dictionary<String, Object> properties = current == null ? null : current.getProperties();
            if (properties == null) {
                return;
            }
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                // A deletion reaching listeners while a configuration exists again: SCR handles it the same
                // moment on this thread and takes the new configuration for the old one.
                counts.deletedLate(pid);
            }
            long bumps = counts.observe(pid, current.getChangeCount());
            if (bumps > 0) {
                LOG.info("Configuration {} was deleted and created again; re-applying it {} time(s) so its component "
                        + "takes the new settings", pid, bumps);
                for (long i = 0; i < bumps; i++) {
                    current.update(properties);
                }
                counts.observe(pid, current.getChangeCount());
            }
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            // Deleted again meanwhile, or Config Admin is stopping: nothing to carry forward.
            LOG.debug("Configuration {} changed while being checked: {}", pid, e.toString());
        }
    }

    private Configuration find(String pid) throws IOException, InvalidSyntaxException {
        Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
        return found == null || found.length == 0 ? null : found[0];
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
