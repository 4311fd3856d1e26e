package io.butlersos.itest.hostinfo;

import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Which bundles could load OSHI classes: those wired to an OSHI package or to an OSHI bundle. */
final class OshiWiring {

    private OshiWiring() {
    }

    static Set<String> bundlesWiredToOshi(BundleContext context) {
        Set<String> wired = new TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null || isOshi(bundle)) {
                continue;
            }
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                Object pkg = wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                boolean oshiPackage = pkg instanceof String name && (name.equals("oshi") || name.startsWith("oshi."));
                if (oshiPackage || isOshi(wire.getProvider().getBundle())) {
                    wired.add(bundle.getSymbolicName());
                }
            }
        }
        return wired;
    }

    private static boolean isOshi(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name != null && name.startsWith("com.github.oshi");
    }
}
