package io.butlersos.itest.hotsink;

import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The whole of a third-party sink bundle that the hot-deploy test packs into a jar at run time and
 * installs. It is one class on purpose: the test copies exactly this class file into the new bundle.
 * It also offers an {@link IntSupplier} (a JDK type both bundles share) that counts what it received.
 */
public final class HotSinkActivator implements BundleActivator, Sink, IntSupplier {

    private final AtomicInteger received = new AtomicInteger();

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Sink.NAME, "hot-deployed");
        props.put(Sink.SIGNAL_TYPES, "itest.hot");
        props.put("itest.hotsink", Boolean.TRUE);
        context.registerService(new String[] {Sink.class.getName(), IntSupplier.class.getName()}, this, props);
    }

    @Override
    public void stop(BundleContext context) {
        // services are unregistered by the framework
    }

    @Override
    public void write(List<Signal> batch) {
        received.addAndGet(batch.size());
    }

    @Override
    public int getAsInt() {
        return received.get();
    }
}
