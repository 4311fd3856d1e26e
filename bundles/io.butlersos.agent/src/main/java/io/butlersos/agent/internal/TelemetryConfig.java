package io.butlersos.agent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Opt-in usage telemetry. Butler SOS's {@code anonTelemetry} is on by default and goes to a fixed
 * third-party service; here it is off by default and goes only to a URL the operator names.
 */
@ObjectClassDefinition(name = "Butler SOS telemetry",
        description = "Opt-in: posts version, Java, OS and active bundles/sinks to a URL you choose. "
                + "Never host names, IP addresses, server names or secrets.")
public @interface TelemetryConfig {

    /** The PID operators configure, e.g. in config/io.butlersos.agent.telemetry.cfg. */
    String PID = "io.butlersos.agent.telemetry";

    @AttributeDefinition(name = "Enable", description = "Send telemetry. Off unless you turn it on.")
    boolean enable() default false;

    @AttributeDefinition(name = "URL", required = false,
            description = "http(s) URL that receives the JSON by POST; required when enabled.")
    String url() default "";

    @AttributeDefinition(name = "Interval (s)", min = "60",
            description = "Seconds between reports; the first goes out a short while after start.")
    long interval_s() default 43_200;

    @AttributeDefinition(name = "Timeout (ms)", min = "1", description = "Deadline of one report.")
    long timeout_ms() default 10_000;
}
