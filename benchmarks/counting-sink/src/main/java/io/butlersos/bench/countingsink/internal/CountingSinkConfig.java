package io.butlersos.bench.countingsink.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One counting sink. Factory PID {@value #PID}; a file in config/ such as
 * {@code io.butlersos.bench.countingsink-bench.cfg}.
 */
@ObjectClassDefinition(name = "Butler SOS counting sink",
        description = "Takes signals and only counts them: a sink whose own cost is close to nothing, for load tests.")
public @interface CountingSinkConfig {

    String PID = "io.butlersos.bench.countingsink";

    @AttributeDefinition(name = "Sink name", description = "Name in logs and delivery counters.")
    String butlersos_sink_name() default "counting";

    // The events that arrive one per datagram, so delivered can be compared with datagrams sent.
    @AttributeDefinition(name = "Signal types",
            description = "Signal types to count: * for all, names such as event.log, or prefixes such as event.*.")
    String[] butlersos_sink_signal_types() default {"event.log", "event.qix-perf", "event.user"};

    @AttributeDefinition(name = "Batch size", required = false, description = "Empty: the core's default.")
    int butlersos_sink_batch_size();

    @AttributeDefinition(name = "Linger (ms)", required = false, description = "Empty: the core's default.")
    long butlersos_sink_linger_ms();

    @AttributeDefinition(name = "Buffer limit", required = false, description = "Empty: the core's default.")
    int butlersos_sink_buffer_limit();
}
