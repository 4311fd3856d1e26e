package io.butlersos.events.internal.qix;

/** A service offering one app-specific filter; one per {@code io.butlersos.events.qixperf.app} configuration. */
public interface AppFilterSource {

    /** The filter, as an opaque object of this package. */
    Object filter();
}
