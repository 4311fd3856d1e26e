package io.butlersos.sink.influxdb.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One InfluxDB target. Factory configuration {@code io.butlersos.sink.influxdb}: one per target, e.g.
 * {@code config/io.butlersos.sink.influxdb-local.cfg}. Method names map to keys the DS way:
 * {@code retention_policy()} is the key {@code retention.policy}; a leading underscore makes the key
 * private ({@code _password()} is {@code .password}), so secrets never become service properties.
 */
@ObjectClassDefinition(name = "Butler SOS InfluxDB sink",
        description = "Writes signals to InfluxDB 1.x, 2.x or 3.x in the Butler SOS schema.")
public @interface InfluxConfig {

    /** The factory PID operators configure. */
    String PID = "io.butlersos.sink.influxdb";

    @AttributeDefinition(name = "Name", description = "Short name of this sink in logs and delivery counters.")
    String name() default "influxdb";

    @AttributeDefinition(name = "InfluxDB version", description = "API to write with: 1 (/write), "
            + "2 (/api/v2/write) or 3 (/api/v3/write_lp).",
            options = {@Option(label = "1.x", value = "1"), @Option(label = "2.x", value = "2"),
                @Option(label = "3.x", value = "3")})
    int version() default 1;

    @AttributeDefinition(name = "URL", description = "Base URL of the server, http:// or https://, "
            + "without the API path.")
    String url() default "http://127.0.0.1:8086";

    @AttributeDefinition(name = "CA certificates file", required = false,
            description = "PEM file of the CAs to trust for https; empty trusts the JVM's default CAs.")
    String ca_file() default "";

    @AttributeDefinition(name = "Database", description = "v1 and v3: the database to write to.")
    String database() default "senseops";

    @AttributeDefinition(name = "Retention policy", required = false, description = "v1: the retention "
            + "policy to write to; created (as the default policy) if missing. Empty writes to the database's "
            + "default policy.")
    String retention_policy() default "10d";

    @AttributeDefinition(name = "Retention duration", description = "v1: duration of a retention policy "
            + "this sink creates, in InfluxQL (10d, 52w, 12h, INF).")
    String retention_duration() default "10d";

    @AttributeDefinition(name = "User name", required = false,
            description = "v1: user to authenticate as; empty writes without authentication.")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "v1: password of the user.")
    String _password() default "";

    @AttributeDefinition(name = "Organisation", required = false, description = "v2: organisation name.")
    String org() default "";

    @AttributeDefinition(name = "Bucket", required = false, description = "v2: bucket name.")
    String bucket() default "";

    @AttributeDefinition(name = "Token", type = AttributeType.PASSWORD, required = false,
            description = "v2 and v3: API token.")
    String _token() default "";

    @AttributeDefinition(name = "Write timeout (ms)", min = "1",
            description = "Deadline of one HTTP request to InfluxDB.")
    long write_timeout_ms() default 10_000;

    @AttributeDefinition(name = "Write concurrency", min = "1", max = "8", description = "HTTP requests a "
            + "batch of at least 2000 points is split into and sent at the same time (each at least 1000 points), "
            + "so InfluxDB parses one while it stores another; 1 sends each batch as one request.")
    int write_concurrency() default 2;

    @AttributeDefinition(name = "Gzip", description = "Compress request bodies (worth it over a slow link).")
    boolean gzip() default false;

    @AttributeDefinition(name = "Precision", description = "Timestamp precision of the lines written.",
            options = {@Option(label = "nanoseconds", value = "ns"), @Option(label = "microseconds", value = "us"),
                @Option(label = "milliseconds", value = "ms"), @Option(label = "seconds", value = "s")})
    String precision() default "ns";

    @AttributeDefinition(name = "Global tags", required = false,
            description = "key=value tags added to every point; a tag the point has itself wins.")
    String[] tags() default {};

    @AttributeDefinition(name = "log_row as tag", description = "Write log_event's log_row as a tag, as "
            + "Butler SOS did (one series per log line); by default it is an integer field.")
    boolean log_row_as_tag() default false;

    @AttributeDefinition(name = "Signal types",
            description = "Signal types to write; * for all, sense.* for a family.")
    String[] signal_types() default {"*"};

    @AttributeDefinition(name = "Batch size", min = "1", description = "Most signals in one write request.")
    int batch_size() default 5_000;

    @AttributeDefinition(name = "Linger (ms)", min = "0", required = false, description = "How long the core "
            + "waits for a batch to fill; 0 or empty takes the core's default.")
    long linger_ms() default 0;

    @AttributeDefinition(name = "Buffer limit", min = "0", required = false, description = "Signals that may "
            + "wait for this sink; 0 or empty takes the core's default.")
    int buffer_limit() default 0;
}
