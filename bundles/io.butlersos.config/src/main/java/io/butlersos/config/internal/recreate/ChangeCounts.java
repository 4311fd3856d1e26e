package io.butlersos.config.internal.recreate;

import java.util.HashMap;
import java.util.Map;

/**
 * The highest change count seen per configuration PID, across deletions. A configuration deleted and
 * created again under the same PID starts counting afresh, so its count can be at or below one that
 * Declarative Services already applied for the old configuration; DS then takes the new configuration
 * for one it has seen and keeps the old settings (see {@link RecreatedConfigurationGuard}).
 */
final class ChangeCounts {

    /** Per PID: the highest count seen, and whether a late deletion left a re-created configuration behind it. */
    private static final class Seen {
        long highest;
        boolean deletedSince;

        Seen(long highest) {
            this.highest = highest;
        }
    }

    private final Map<String, Seen> seen = new HashMap<>();

    /**
     * A deletion of the PID handled while a configuration under it exists again: that one is new and
     * counts afresh, so its count says nothing about whether DS has applied it.
     */
    synchronized void deletedLate(String pid) {
        Seen s = seen.get(pid);
        if (s != null) {
            s.deletedSince = true;
        }
    }

    /**
     * Records the change count a PID has now and answers how many no-op updates lift it above every
     * count seen before for that PID: more than 0 only for a configuration left behind a late deletion
     * whose count has not overtaken the old one's. The same configuration seen twice needs nothing.
     *
     * @param current the configuration's change count now, or a negative number when it does not exist
     */
    synchronized long observe(String pid, long current) {
        if (current < 0) {
            return 0;
        }
        Seen s = seen.get(pid);
        if (s == null) {
            seen.put(pid, new Seen(current));
            return 0;
        }
        if (current > s.highest) {
            s.highest = current;
            s.deletedSince = false;
            return 0;
        }
        return s.deletedSince ? s.highest - current + 1 : 0;
    }
}
