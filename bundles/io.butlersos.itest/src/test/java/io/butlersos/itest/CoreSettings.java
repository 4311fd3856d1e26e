package io.butlersos.itest;

import java.io.IOException;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Puts the delivery core on short timings so tests do not wait for production defaults. */
public final class CoreSettings {

    private CoreSettings() {
    }

    public static void fast(ConfigurationAdmin admin) throws IOException {
        Configuration core = admin.getConfiguration("io.butlersos.core", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("linger.ms", 10L);
        props.put("retry.initial.ms", 20L);
        props.put("retry.max.ms", 200L);
        props.put("stats.interval.s", 1L);
        props.put("instance", "itest");
        // Each test sees only what it publishes: no replay of earlier tests' signals to its new sinks.
        props.put("startup.replay.s", 0L);
        core.updateIfDifferent(props);
    }
}
