package io.butlersos.agent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The agent's uptime and memory. Maps Butler SOS's {@code uptimeMonitor.*}: {@code enable},
 * {@code frequency} (as seconds), {@code logLevel}, {@code storeInInfluxdb.butlerSOSMemoryUsage}
 * and {@code storeInInfluxdb.instanceTag}.
 */
@ObjectClassDefinition(name = "Butler SOS uptime monitor",
        description = "Logs and publishes the agent's uptime and memory (agent.stats) on an interval.")
public @interface UptimeConfig {

    /** The PID operators configure, e.g. in config/io.butlersos.agent.uptime.cfg. */
    String PID = "io.butlersos.agent.uptime";

    @AttributeDefinition(name = "Enable", description = "Log and publish uptime and memory on an interval.")
    boolean enable() default true;

    @AttributeDefinition(name = "Interval (s)", min = "1",
            description = "Seconds between two measurements; the first is taken at start.")
    long interval_s() default 900;

    @AttributeDefinition(name = "Log level", description = "Level of the uptime log line.",
            options = {@Option(label = "off", value = "off"), @Option(label = "error", value = "error"),
                @Option(label = "warn", value = "warn"), @Option(label = "info", value = "info"),
                @Option(label = "debug", value = "debug"), @Option(label = "trace", value = "trace")})
    String log_level() default "info";

    @AttributeDefinition(name = "Publish memory usage",
            description = "Publish agent.stats signals (InfluxDB butlersos_memory_usage); false only logs.")
    boolean store_memory_usage() default true;

    @AttributeDefinition(name = "Instance tag", required = false,
            description = "Value of the butler_sos_instance tag; empty means the host name.")
    String instance_tag() default "";
}
