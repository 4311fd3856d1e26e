package io.butlersos.itest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** What the Metatype service says the bundles declare. */
public final class Metatypes {

    private Metatypes() {
    }

    /**
     * The attribute ids of the OCD a bundle declares for {@code pid} (a factory configuration's
     * {@code factory~name} is looked up by its factory PID), or null while no bundle declares it.
     */
    public static Set<String> attributes(BundleContext context, MetaTypeService metatype, String pid) {
        String factoryPid = pid.contains("~") ? pid.substring(0, pid.indexOf('~')) : null;
        String id = factoryPid != null ? factoryPid : pid;
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            if (List.of(factoryPid != null ? info.getFactoryPids() : info.getPids()).contains(id)) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(id, null);
                Set<String> ids = new HashSet<>();
                for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                    ids.add(ad.getID());
                }
                return ids;
            }
        }
        return null;
    }

    /** Each Butler SOS bundle with its state and the PIDs its metatype declares; for failure messages. */
    public static String describe(BundleContext context, MetaTypeService metatype) {
        StringBuilder out = new StringBuilder();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() == null || !bundle.getSymbolicName().startsWith("io.butlersos")) {
                continue;
            }
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            out.append("\n  ").append(bundle.getSymbolicName()).append(" [").append(bundle.getBundleId()).append(", state ")
                    .append(bundle.getState()).append("]: ")
                    .append(info == null ? "no metatype" : List.of(info.getPids()) + " factories " + List.of(info.getFactoryPids()));
        }
        return out.toString();
    }
}
