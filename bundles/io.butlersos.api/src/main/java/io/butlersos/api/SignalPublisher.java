package io.butlersos.api;

import java.util.Collection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What sources call to hand signals to the agent. Publishing never blocks beyond an enqueue and never
 * throws because of a sink: each sink has its own bounded queue in the core.
 */
@ProviderType
public interface SignalPublisher {

    /** Hands one signal to every sink that accepts its type. */
    void publish(Signal signal);

    /** Hands several signals over, in order. */
    default void publishAll(Collection<? extends Signal> signals) {
        for (Signal signal : signals) {
            publish(signal);
        }
    }
}
