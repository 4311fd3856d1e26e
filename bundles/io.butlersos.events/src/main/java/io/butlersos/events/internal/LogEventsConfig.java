package io.butlersos.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The log and QIX performance event receiver (Butler SOS: {@code logEvents}). */
@ObjectClassDefinition(name = "Butler SOS log events receiver",
        description = "Receives the engine, proxy, repository, scheduler and QIX performance log events of the Sense "
                + "log4net UDP appenders.")
public @interface LogEventsConfig {

    String PID = "io.butlersos.events.log";

    @AttributeDefinition(description = "Listen for log events.")
    boolean enabled() default true;

    @AttributeDefinition(description = "Local address to listen on: 127.0.0.1 (default), an interface address, "
            + "0.0.0.0 or :: for all. The Sense nodes must reach it.")
    String bind_address() default "127.0.0.1";

    @AttributeDefinition(description = "UDP port (Butler SOS: logEvents.udpServerConfig.portLogEvents).")
    int port() default 9996;

    @AttributeDefinition(description = "Accept /qseow-engine/ events.")
    boolean source_engine() default false;

    @AttributeDefinition(description = "Accept /qseow-proxy/ events.")
    boolean source_proxy() default false;

    @AttributeDefinition(description = "Accept /qseow-repository/ events.")
    boolean source_repository() default false;

    @AttributeDefinition(description = "Accept /qseow-scheduler/ events.")
    boolean source_scheduler() default false;

    @AttributeDefinition(description = "Accept /qseow-qix-perf/ events (see io.butlersos.events.qixperf).")
    boolean source_qix_perf() default true;

    @AttributeDefinition(required = false, description = "Tags on every log event, each name=value (Butler SOS: logEvents.tags).")
    String[] tags() default {};

    @AttributeDefinition(required = false, description = "Time zone of the Sense servers (e.g. Europe/Stockholm), used "
            + "only for events that carry the local timestamp alone. Empty: this machine's zone.")
    String sense_time_zone() default "";

    @AttributeDefinition(description = "Socket receive buffer to ask the OS for, bytes. Linux grants at most "
            + "net.core.rmem_max (x2); the granted size is logged.", type = AttributeType.INTEGER)
    int receive_buffer_bytes() default 8 * 1024 * 1024;

    @AttributeDefinition(description = "Largest datagram accepted, bytes (Butler SOS: maxMessageSize).")
    int max_datagram_bytes() default 65_507;

    @AttributeDefinition(description = "Parser threads.")
    int workers() default 2;

    @AttributeDefinition(description = "Datagrams the hand-off from the socket reader to the parsers holds at most.")
    int queue_capacity() default 200_000;

    @AttributeDefinition(description = "Bytes the hand-off holds at most.")
    long queue_memory_bytes() default 128L * 1024 * 1024;

    @AttributeDefinition(description = "Hand-off fill in percent that logs a back-pressure warning.")
    int backpressure_threshold_pct() default 80;

    @AttributeDefinition(description = "Take datagrams only from allowed sources.")
    boolean allow_list_enabled() default false;

    @AttributeDefinition(required = false, description = "Allowed sources: IPv4/IPv6 addresses, ranges such as "
            + "10.0.0.0/8, and host names (all their addresses, resolved again periodically).")
    String[] allowed_sources() default {};

    @AttributeDefinition(description = "Seconds between two resolutions of the allowed host names.")
    long allow_list_refresh_s() default 300;

    @AttributeDefinition(description = "Limit how many datagrams each source may send.")
    boolean rate_limit_enabled() default false;

    @AttributeDefinition(description = "Datagrams per minute and source (Butler SOS: maxMessagesPerMinute, there for all sources together).")
    long rate_limit_per_minute() default 600;

    @AttributeDefinition(description = "Datagrams a source may send at once before the per-minute rate applies.")
    long rate_limit_burst() default 100;

    @AttributeDefinition(description = "Publish receiver metrics (event.receiver signals).")
    boolean metrics_enabled() default true;

    @AttributeDefinition(description = "Seconds between two receiver metrics reports.")
    long metrics_interval_s() default 20;

    @AttributeDefinition(description = "Measurement of the receiver metrics.")
    String metrics_measurement() default "log_events_queue";

    @AttributeDefinition(required = false, description = "Tags on receiver metrics, each name=value.")
    String[] metrics_tags() default {};
}
