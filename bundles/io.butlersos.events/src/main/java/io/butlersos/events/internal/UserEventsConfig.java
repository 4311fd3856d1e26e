package io.butlersos.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The user activity event receiver (Butler SOS: {@code userEvents}). */
@ObjectClassDefinition(name = "Butler SOS user events receiver",
        description = "Receives the session and connection events of the Sense proxy's audit appenders.")
public @interface UserEventsConfig {

    String PID = "io.butlersos.events.user";

    @AttributeDefinition(description = "Listen for user events.")
    boolean enabled() default true;

    @AttributeDefinition(description = "Local address to listen on: 127.0.0.1 (default), an interface address, "
            + "0.0.0.0 or :: for all. The Sense nodes must reach it.")
    String bind_address() default "127.0.0.1";

    @AttributeDefinition(description = "UDP port (Butler SOS: userEvents.udpServerConfig.portUserActivityEvents).")
    int port() default 9997;

    @AttributeDefinition(required = false, description = "Tags on every user event, each name=value (Butler SOS: userEvents.tags).")
    String[] tags() default {};

    @AttributeDefinition(required = false, description = "Users whose events are counted but not published, each DIRECTORY\\userId.")
    String[] exclude_users() default {};

    @AttributeDefinition(description = "Socket receive buffer to ask the OS for, bytes.", type = AttributeType.INTEGER)
    int receive_buffer_bytes() default 4 * 1024 * 1024;

    @AttributeDefinition(description = "Largest datagram accepted, bytes.")
    int max_datagram_bytes() default 65_507;

    @AttributeDefinition(description = "Parser threads.")
    int workers() default 1;

    @AttributeDefinition(description = "Datagrams the hand-off holds at most.")
    int queue_capacity() default 50_000;

    @AttributeDefinition(description = "Bytes the hand-off holds at most.")
    long queue_memory_bytes() default 32L * 1024 * 1024;

    @AttributeDefinition(description = "Hand-off fill in percent that logs a back-pressure warning.")
    int backpressure_threshold_pct() default 80;

    @AttributeDefinition(description = "Take datagrams only from allowed sources.")
    boolean allow_list_enabled() default false;

    @AttributeDefinition(required = false, description = "Allowed sources: addresses, ranges (10.0.0.0/8) and host names.")
    String[] allowed_sources() default {};

    @AttributeDefinition(description = "Seconds between two resolutions of the allowed host names.")
    long allow_list_refresh_s() default 300;

    @AttributeDefinition(description = "Limit how many datagrams each source may send.")
    boolean rate_limit_enabled() default false;

    @AttributeDefinition(description = "Datagrams per minute and source.")
    long rate_limit_per_minute() default 600;

    @AttributeDefinition(description = "Datagrams a source may send at once.")
    long rate_limit_burst() default 100;

    @AttributeDefinition(description = "Publish receiver metrics (event.receiver signals).")
    boolean metrics_enabled() default true;

    @AttributeDefinition(description = "Seconds between two receiver metrics reports.")
    long metrics_interval_s() default 20;

    @AttributeDefinition(description = "Measurement of the receiver metrics.")
    String metrics_measurement() default "user_events_queue";

    @AttributeDefinition(required = false, description = "Tags on receiver metrics, each name=value.")
    String[] metrics_tags() default {};
}
