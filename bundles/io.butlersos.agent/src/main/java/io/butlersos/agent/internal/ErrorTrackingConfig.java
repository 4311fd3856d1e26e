package io.butlersos.agent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Error counting. Maps Butler SOS's {@code errorTracking.enable} and
 * {@code errorTracking.logSummary.enable}; the summary interval is new (Butler SOS logs on every
 * error). {@code errorTracking.influxdb.*} is not here: error points are {@code agent.error} signals
 * that each sink takes or not by its signal types.
 */
@ObjectClassDefinition(name = "Butler SOS error tracking",
        description = "Counts every agent.error per error type, server and category, per UTC day.")
public @interface ErrorTrackingConfig {

    /** The PID operators configure, e.g. in config/io.butlersos.agent.errortracking.cfg. */
    String PID = "io.butlersos.agent.errortracking";

    @AttributeDefinition(name = "Enable", description = "Count errors; false counts nothing.")
    boolean enable() default true;

    @AttributeDefinition(name = "Log running summary",
            description = "Log today's counts so far, at most once per summary interval and only after new errors. "
                    + "The daily summary at UTC midnight is always logged.")
    boolean log_summary_enable() default true;

    @AttributeDefinition(name = "Summary interval (s)", min = "1",
            description = "Least time between two running-summary log lines.")
    long log_summary_interval_s() default 300;
}
