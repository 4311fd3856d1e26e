package io.butlersos.logging.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Reads bundles, Config Admin configurations and Metatype PASSWORD attributes for a crash dump. Config
 * Admin and Metatype are optional: a dump written before they start (or without them) has no
 * configurations section, never a failure.
 */
final class OsgiRuntimeFacts implements RuntimeFacts {

    private final BundleContext context;

    OsgiRuntimeFacts(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<String> bundles() {
        List<String> lines = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            lines.add(String.format("%4d %-11s %s %s", bundle.getBundleId(), state(bundle.getState()),
                    bundle.getSymbolicName(), bundle.getVersion()));
        }
        return lines;
    }

    @Override
    public List<Configuration> configurations() {
        try {
            return withService(ConfigurationAdmin.class, admin -> {
                org.osgi.service.cm.Configuration[] all = admin.listConfigurations(null);
                List<Configuration> list = new ArrayList<>();
                for (org.osgi.service.cm.Configuration config : all == null ? new org.osgi.service.cm.Configuration[0] : all) {
                    list.add(new Configuration(config.getPid(), config.getFactoryPid(), toMap(config.getProperties())));
                }
                return list;
            }, List.of());
        } catch (LinkageError absent) { // Config Admin's package is not wired
            return List.of();
        }
    }

    @Override
    public Map<String, Set<String>> passwordAttributes() {
        try {
            return withService(MetaTypeService.class, metatype -> {
                Map<String, Set<String>> passwords = new HashMap<>();
                for (Bundle bundle : context.getBundles()) {
                    MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
                    if (info == null) {
                        continue;
                    }
                    List<String> pids = new ArrayList<>();
                    Collections.addAll(pids, info.getPids());
                    Collections.addAll(pids, info.getFactoryPids());
                    for (String pid : pids) {
                        ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                        AttributeDefinition[] attributes = ocd == null ? null : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
                        for (AttributeDefinition attribute : attributes == null ? new AttributeDefinition[0] : attributes) {
                            if (attribute.getType() == AttributeDefinition.PASSWORD) {
                                passwords.computeIfAbsent(pid, p -> new HashSet<>()).add(attribute.getID());
                            }
                        }
                    }
                }
                return passwords;
            }, Map.of());
        } catch (LinkageError absent) {
            return Map.of();
        }
    }

    private interface Read<S, R> {
        R apply(S service) throws Exception;
    }

    private <S, R> R withService(Class<S> type, Read<S, R> read, R none) {
        ServiceReference<S> ref = context.getServiceReference(type);
        if (ref == null) {
            return none;
        }
        S service = context.getService(ref);
        try {
            return service == null ? none : read.apply(service);
        } catch (Exception e) {
            return none;
        } finally {
            context.ungetService(ref);
        }
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                map.put(key, properties.get(key));
            }
        }
        return map;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
