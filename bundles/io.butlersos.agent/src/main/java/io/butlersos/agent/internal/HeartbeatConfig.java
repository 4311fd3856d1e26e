package io.butlersos.agent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A periodic GET to an external monitor. Maps Butler SOS's {@code heartbeat.enable},
 * {@code heartbeat.remoteURL} and {@code heartbeat.frequency} (as seconds); the timeout is new.
 */
@ObjectClassDefinition(name = "Butler SOS heartbeat",
        description = "Calls a URL on a schedule so an external monitor knows the agent is alive.")
public @interface HeartbeatConfig {

    /** The PID operators configure, e.g. in config/io.butlersos.agent.heartbeat.cfg. */
    String PID = "io.butlersos.agent.heartbeat";

    @AttributeDefinition(name = "Enable",
            description = "Send heartbeats when a remote URL is set. Nothing is sent without a URL.")
    boolean enable() default true;

    @AttributeDefinition(name = "Remote URL", required = false,
            description = "http(s) URL to GET; empty means no heartbeat. Its query string is never logged.")
    String remote_url() default "";

    @AttributeDefinition(name = "Interval (s)", min = "1",
            description = "Seconds between heartbeats; the first is sent at start.")
    long interval_s() default 3600;

    @AttributeDefinition(name = "Timeout (ms)", min = "1",
            description = "Deadline of one heartbeat request, connection included.")
    long timeout_ms() default 10_000;
}
