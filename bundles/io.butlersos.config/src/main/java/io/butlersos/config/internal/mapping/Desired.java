package io.butlersos.config.internal.mapping;

import java.util.Map;

/**
 * A configuration the YAML asks for.
 *
 * @param factoryPid the factory PID, or null for a singleton
 * @param name the singleton PID, or the factory configuration's name
 * @param properties the attributes the YAML sets (never a component default)
 * @param origin the YAML path it comes from, for logs
 */
public record Desired(String factoryPid, String name, Map<String, Object> properties, String origin) {

    /** The PID Config Admin gives it: {@code factoryPid~name} for a named factory configuration. */
    public String pid() {
        return factoryPid == null ? name : factoryPid + "~" + name;
    }
}
