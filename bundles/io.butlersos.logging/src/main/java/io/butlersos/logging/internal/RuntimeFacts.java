package io.butlersos.logging.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a crash dump reports about the running framework; each part may be empty when its service is absent. */
interface RuntimeFacts {

    /** One Config Admin configuration. */
    record Configuration(String pid, String factoryPid, Map<String, Object> properties) {
    }

    /** {@code id state symbolic-name version}, one line per bundle. */
    List<String> bundles();

    /** Every configuration Config Admin holds. */
    List<Configuration> configurations();

    /** Per PID or factory PID: the attribute ids the Metatype service declares as PASSWORD. */
    Map<String, Set<String>> passwordAttributes();

    /** A source with nothing to say (outside a framework). */
    RuntimeFacts NONE = new RuntimeFacts() {
        @Override
        public List<String> bundles() {
            return List.of();
        }

        @Override
        public List<Configuration> configurations() {
            return List.of();
        }

        @Override
        public Map<String, Set<String>> passwordAttributes() {
            return Map.of();
        }
    };
}
