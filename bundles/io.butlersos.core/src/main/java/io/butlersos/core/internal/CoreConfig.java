package io.butlersos.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Delivery defaults. A sink overrides any of the per-sink values with its own service properties
 * ({@code butlersos.sink.batch.size} and friends); these are the only place the defaults live.
 */
@ObjectClassDefinition(name = "Butler SOS delivery core",
        description = "Queues, batching, retry and delivery counters for every sink.")
public @interface CoreConfig {

    /** The PID operators configure, e.g. in config/io.butlersos.core.cfg. */
    String PID = "io.butlersos.core";

    @AttributeDefinition(name = "Instance name",
            description = "Names this agent in its own signals; empty means the host name.", required = false)
    String instance() default "";

    @AttributeDefinition(name = "Buffer limit", min = "1",
            description = "Signals that may wait per sink; beyond it the oldest is dropped and counted.")
    int buffer_limit() default 100_000;

    @AttributeDefinition(name = "Batch size", min = "1", description = "Largest batch handed to one write.")
    int batch_size() default 1_000;

    @AttributeDefinition(name = "Linger (ms)", min = "0",
            description = "How long to wait for a batch to fill before writing what is there.")
    long linger_ms() default 1_000;

    @AttributeDefinition(name = "Write timeout (ms)", min = "1",
            description = "Deadline of one write; a write past it is interrupted and retried.")
    long write_timeout_ms() default 30_000;

    @AttributeDefinition(name = "First retry delay (ms)", min = "1",
            description = "Back-off after the first retriable failure; it doubles up to the maximum, with jitter.")
    long retry_initial_ms() default 500;

    @AttributeDefinition(name = "Longest retry delay (ms)", min = "1", description = "Cap of the back-off.")
    long retry_max_ms() default 60_000;

    @AttributeDefinition(name = "Counter interval (s)", min = "1",
            description = "How often the delivery counters are published as agent.sink signals.")
    long stats_interval_s() default 60;

    @AttributeDefinition(name = "Start-up replay (s)", min = "0",
            description = "For this long after start, signals are kept (up to the buffer limit) and given to sinks "
                    + "that are bound later, so nothing is lost to start-up order; 0 turns it off.")
    long startup_replay_s() default 30;

    @AttributeDefinition(name = "Orphan retention (s)", min = "0",
            description = "How long the backlog of a sink that went away is kept for its return.")
    long orphan_retention_s() default 900;

    @AttributeDefinition(name = "Drain on stop (s)", min = "0",
            description = "On a clean stop (SIGTERM, Ctrl-C, systemctl stop) how long the outputs together get to "
                    + "write what is queued for them, without lingering for fuller batches. 0 = stop at once.")
    long stop_drain_s() default 10;
}
