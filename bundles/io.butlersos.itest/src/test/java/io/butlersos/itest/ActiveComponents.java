package io.butlersos.itest;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** What Declarative Services says about running components. */
public final class ActiveComponents {

    private ActiveComponents() {
    }

    /**
     * A property of the active component configured by {@code pid}, as DS activated it; null while no
     * such component is active.
     */
    public static Object property(ServiceComponentRuntime scr, String pid, String key) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (List.of(description.configurationPid).contains(pid)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                    if (c.state == ComponentConfigurationDTO.ACTIVE) {
                        return c.properties.get(key);
                    }
                }
            }
        }
        return null;
    }

    /** Whether DS has an active component configured by {@code pid}. */
    public static boolean active(ServiceComponentRuntime scr, String pid) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (List.of(description.configurationPid).contains(pid)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                    if (c.state == ComponentConfigurationDTO.ACTIVE) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * What DS says about the components configured by {@code pid}: each configuration's state, its
     * unsatisfied references and its activation failure; for a timeout message that says what was seen.
     */
    public static String describe(ServiceComponentRuntime scr, String pid) {
        List<String> seen = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!List.of(description.configurationPid).contains(pid)) {
                continue;
            }
            var configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty()) {
                seen.add(description.name + ": no configuration (enabled " + scr.isComponentEnabled(description) + ")");
            }
            for (ComponentConfigurationDTO c : configurations) {
                StringBuilder line = new StringBuilder(description.name).append(" #").append(c.id).append(": ")
                        .append(stateName(c.state));
                for (var reference : c.unsatisfiedReferences) {
                    line.append(", unsatisfied reference ").append(reference.name);
                }
                if (c.failure != null) {
                    line.append(", failure: ").append(c.failure);
                }
                seen.add(line.toString());
            }
        }
        return seen.isEmpty() ? "no component is configured by " + pid : String.join("; ", seen);
    }

    private static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "state " + state;
        };
    }
}
