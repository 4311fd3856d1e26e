package io.butlersos.itest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.function.IntSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.butlersos.api.SignalPublisher;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.RecordingSink;
import io.butlersos.itest.TestSignal;
import io.butlersos.itest.hotsink.HotSinkActivator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** A sink bundle installed into the running agent receives signals; removing it leaves the rest alone. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class HotDeployIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    ConfigurationAdmin admin;

    /** Packs {@link HotSinkActivator} into a bundle of its own, as a third party would ship it. */
    private static byte[] hotSinkBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.butlersos.itest.hotsink");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", HotSinkActivator.class.getName());
        main.putValue("Import-Package", "io.butlersos.api;version=\"[1.0,2)\","
                + "io.butlersos.api.sink;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.8,2)\"");
        String classFile = HotSinkActivator.class.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
                InputStream in = HotSinkActivator.class.getClassLoader().getResourceAsStream(classFile)) {
            jar.putNextEntry(new JarEntry(classFile));
            in.transferTo(jar);
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    private int hotSinkCount() {
        try {
            Collection<ServiceReference<IntSupplier>> refs =
                    context.getServiceReferences(IntSupplier.class, "(itest.hotsink=true)");
            if (refs.isEmpty()) {
                return -1;
            }
            ServiceReference<IntSupplier> ref = refs.iterator().next();
            try {
                return context.getService(ref).getAsInt();
            } finally {
                context.ungetService(ref);
            }
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void aSinkBundleInstalledAtRunTimeReceivesSignalsAndItsRemovalLeavesOthersIntact() throws Exception {
        CoreSettings.fast(admin);
        RecordingSink resident = new RecordingSink();
        ServiceRegistration<?> residentReg = resident.register(context, "resident", "itest.hot");
        Bundle hot = context.installBundle("itest:hot-sink", new ByteArrayInputStream(hotSinkBundle()));
        try {
            hot.start();
            Await.until("the hot-deployed sink to be registered", () -> hotSinkCount() >= 0);
            for (long n = 0; n < 25; n++) {
                publisher.publish(new TestSignal("itest.hot", n));
            }
            Await.until("the hot-deployed sink to receive 25", () -> hotSinkCount() == 25);
            Await.until("the resident sink to receive 25", () -> resident.written.size() == 25);

            hot.uninstall();
            Await.until("the hot-deployed sink to be gone", () -> hotSinkCount() < 0);
            for (long n = 25; n < 50; n++) {
                publisher.publish(new TestSignal("itest.hot", n));
            }
            Await.until("the resident sink to keep receiving", () -> resident.written.size() == 50);
            assertEquals(Bundle.UNINSTALLED, hot.getState());
        } finally {
            if (hot.getState() != Bundle.UNINSTALLED) {
                hot.uninstall();
            }
            residentReg.unregister();
        }
    }
}
