package io.butlersos.itest;

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
}
