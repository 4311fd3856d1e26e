package io.butlersos.api.sink;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The core's view of every sink it delivers to: counters and queue fill, for status pages and readiness. */
@ProviderType
public interface DeliveryMonitor {

    /** A snapshot per sink instance, in a stable order. */
    List<SinkStatus> sinks();
}
