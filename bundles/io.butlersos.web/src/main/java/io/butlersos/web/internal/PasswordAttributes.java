package io.butlersos.web.internal;

import java.util.HashSet;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Finds the attributes the Metatype service marks PASSWORD for a PID, looking through every bundle. */
final class PasswordAttributes {

    private PasswordAttributes() {
    }

    /**
     * The PASSWORD attribute ids of the PID (for a factory configuration, of its factory PID).
     * Empty when no bundle describes it; the masker's key rules still apply then.
     */
    static Set<String> of(MetaTypeService metatype, Bundle[] bundles, String pid, String factoryPid) {
        Set<String> keys = new HashSet<>();
        if (metatype == null) {
            return keys;
        }
        String described = factoryPid != null ? factoryPid : pid;
        for (Bundle bundle : bundles) {
            if (bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            MetaTypeInformation info;
            try {
                info = metatype.getMetaTypeInformation(bundle);
            } catch (RuntimeException e) {
                continue; // a bundle with a broken description must not break the view
            }
            if (info == null || !describes(info, described, factoryPid != null)) {
                continue;
            }
            ObjectClassDefinition ocd;
            try {
                ocd = info.getObjectClassDefinition(described, null);
            } catch (IllegalArgumentException e) {
                continue;
            }
            AttributeDefinition[] attributes = ocd == null ? null : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
            if (attributes != null) {
                for (AttributeDefinition a : attributes) {
                    if (a.getType() == AttributeDefinition.PASSWORD) {
                        keys.add(a.getID());
                    }
                }
            }
        }
        return keys;
    }

    private static boolean describes(MetaTypeInformation info, String pid, boolean factory) {
        String[] pids = factory ? info.getFactoryPids() : info.getPids();
        if (pids != null) {
            for (String p : pids) {
                if (p.equals(pid)) {
                    return true;
                }
            }
        }
        return false;
    }
}
