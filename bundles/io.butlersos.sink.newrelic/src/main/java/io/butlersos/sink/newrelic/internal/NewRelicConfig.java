package io.butlersos.sink.newrelic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One New Relic account. Factory PID {@value #PID}: one configuration per account, e.g.
 * {@code io.butlersos.sink.newrelic-prod.cfg}, so each account has its own queue and retries.
 */
@ObjectClassDefinition(name = "Butler SOS New Relic output",
        description = "Sends metrics to the New Relic Metric API and events to its Event API (and Log API), for one account.")
public @interface NewRelicConfig {

    String PID = "io.butlersos.sink.newrelic";

    @AttributeDefinition(name = "Account name", description = "A name for the account in logs and counters, e.g. prod.")
    String account_name() default "default";

    @AttributeDefinition(name = "Account id", required = false,
            description = "The numeric New Relic account id; needed for the Event API URL.")
    String account_id() default "";

    @AttributeDefinition(name = "Insert key", type = AttributeType.PASSWORD,
            description = "License or insert key of the account, sent as the Api-Key header. Never logged.")
    String _insert_key() default "";

    @AttributeDefinition(name = "Region", description = "Which New Relic data centre receives the data.",
            options = {@Option(label = "United States", value = "US"), @Option(label = "European Union", value = "EU")})
    String region() default "US";

    @AttributeDefinition(name = "Metric API URL", required = false,
            description = "Overrides the region's Metric API URL, e.g. for a proxy; empty uses the region's.")
    String metric_url() default "";

    @AttributeDefinition(name = "Event API URL", required = false,
            description = "Overrides the region's Event API URL; {accountId} is replaced by the account id.")
    String event_url() default "";

    @AttributeDefinition(name = "Log API URL", required = false,
            description = "Overrides the region's Log API URL.")
    String log_url() default "";

    @AttributeDefinition(name = "Send log events to the Log API",
            description = "Also send log events to the Log API (searchable in Logs), besides qs_logEvent events.")
    boolean log_api() default false;

    @AttributeDefinition(name = "Log levels",
            description = "Levels of log events that are sent; others are skipped.")
    String[] log_levels() default {"WARN", "ERROR", "FATAL"};

    @AttributeDefinition(name = "Log sources", required = false,
            description = "Sense services whose log events are sent, each optionally with its own levels: engine, "
                    + "proxy=ERROR|FATAL, scheduler=ERROR|FATAL|WARN. A service without levels uses the log levels. "
                    + "Empty: every service.")
    String[] log_sources() default {};

    @AttributeDefinition(name = "Static attributes", required = false,
            description = "name=value pairs added to every metric, event and log record.")
    String[] static_attributes() default {"service=butler-sos"};

    @AttributeDefinition(name = "Dynamic attributes", required = false,
            description = "Attributes computed by the agent: butlerSosVersion (the agent's version), hostName (the agent's host).")
    String[] dynamic_attributes() default {"butlerSosVersion"};

    @AttributeDefinition(name = "Extra HTTP headers", required = false,
            description = "Name: value pairs sent with every request.")
    String[] headers() default {};

    @AttributeDefinition(name = "Scramble user ids",
            description = "Replace user directory, user id and full user name by a keyed hash (HMAC-SHA256).")
    boolean scramble_user_ids() default true;

    @AttributeDefinition(name = "Scramble key", type = AttributeType.PASSWORD, required = false,
            description = "Secret key of the user-id hash. Empty: a random key per start (pseudonyms change on restart).")
    String _scramble_key() default "";

    @AttributeDefinition(name = "Compress", description = "gzip request bodies, as New Relic recommends.")
    boolean gzip() default true;

    @AttributeDefinition(name = "Request timeout (ms)", min = "1", description = "Deadline of one HTTP request.")
    int request_timeout_ms() default 10_000;

    @AttributeDefinition(name = "Items per request", min = "1",
            description = "Most events, log records or metric blocks in one request; requests are also kept under 1 MB.")
    int max_items_per_post() default 1000;

    @AttributeDefinition(name = "Sink name", description = "Name in logs and delivery counters.")
    String butlersos_sink_name() default "newrelic";

    @AttributeDefinition(name = "Signal types",
            description = "Signal types to send. Health, sessions and agent stats become metrics; log and user events, events.")
    String[] butlersos_sink_signal_types() default {"sense.health", "sense.sessions", "agent.stats", "event.log",
        "event.user"};

    @AttributeDefinition(name = "Batch size", required = false, description = "Empty: the core's default.")
    int butlersos_sink_batch_size();

    @AttributeDefinition(name = "Linger (ms)", required = false, description = "Empty: the core's default.")
    long butlersos_sink_linger_ms();

    @AttributeDefinition(name = "Buffer limit", required = false, description = "Empty: the core's default.")
    int butlersos_sink_buffer_limit();
}
