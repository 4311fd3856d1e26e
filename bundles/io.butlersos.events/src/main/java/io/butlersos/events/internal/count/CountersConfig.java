package io.butlersos.events.internal.count;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Event and rejected-event counters (Butler SOS: {@code qlikSenseEvents}). */
@ObjectClassDefinition(name = "Butler SOS event counters",
        description = "Counts received events by source, host, subsystem and level, and rejected QIX performance events.")
public @interface CountersConfig {

    String PID = "io.butlersos.events.counts";

    @AttributeDefinition(description = "Seconds between two counter reports (Butler SOS: qlikSenseEvents.influxdb.writeFrequency / 1000).")
    long interval_s() default 20;

    @AttributeDefinition(description = "Publish event counts (event.counts signals).")
    boolean event_count_enabled() default true;

    @AttributeDefinition(description = "Measurement of the event counts.")
    String event_count_measurement() default "event_count";

    @AttributeDefinition(required = false, description = "Tags on event count points, each name=value.")
    String[] event_count_tags() default {};

    @AttributeDefinition(description = "Publish rejected QIX performance event counts (event.rejected-counts signals).")
    boolean rejected_count_enabled() default true;

    @AttributeDefinition(description = "Measurement of the rejected event counts.")
    String rejected_count_measurement() default "rejected_event_count";

    @AttributeDefinition(required = false, description = "Tags on rejected count points, each name=value "
            + "(Butler SOS: logEvents.enginePerformanceMonitor.trackRejectedEvents.tags).")
    String[] rejected_count_tags() default {};
}
