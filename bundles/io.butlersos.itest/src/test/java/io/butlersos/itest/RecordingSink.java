package io.butlersos.itest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** A sink the test registers as a service; subclasses decide how each write behaves. */
public class RecordingSink implements Sink {

    public final List<Signal> written = Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger calls = new AtomicInteger();

    @Override
    public void write(List<Signal> batch) throws SinkException, InterruptedException {
        int call = calls.incrementAndGet();
        beforeWrite(call, batch);
        written.addAll(batch);
    }

    /** Runs before the batch counts as written; throw or block here to simulate a target. */
    protected void beforeWrite(int call, List<Signal> batch) throws SinkException, InterruptedException {
    }

    /** Registers this sink taking the given signal types, with extra service properties as key/value pairs. */
    public ServiceRegistration<Sink> register(BundleContext context, String name, String types, Object... props) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Sink.NAME, name);
        properties.put(Sink.SIGNAL_TYPES, types);
        for (int i = 0; i < props.length; i += 2) {
            properties.put((String) props[i], props[i + 1]);
        }
        return context.registerService(Sink.class, this, properties);
    }

    public List<Long> numbers() {
        synchronized (written) {
            return written.stream().map(s -> ((TestSignal) s).n()).toList();
        }
    }
}
