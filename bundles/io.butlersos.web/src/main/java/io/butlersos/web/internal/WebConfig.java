package io.butlersos.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The agent's HTTP endpoints: where they listen, how callers prove who they are, and what the status
 * page keeps. PID {@value #PID}; the file is {@code config/io.butlersos.web.cfg}. Several components
 * of this bundle read this one configuration; this is the only place its defaults live.
 */
@ObjectClassDefinition(name = "Butler SOS web",
        description = "Health and readiness endpoints, the live status page and the masked configuration view.")
public @interface WebConfig {

    String PID = "io.butlersos.web";

    /** The default port: clear of Prometheus (9842), Butler SOS's 9001/3100/12398 and the UDP 9996/9997. */
    int DEFAULT_PORT = 9850;

    @AttributeDefinition(name = "Host",
            description = "Address to listen on: 127.0.0.1 (default) keeps it on this machine; an interface address "
                    + "or 0.0.0.0 opens it to the network and then needs authentication.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", min = "1", max = "65535", description = "TCP port of the endpoints.")
    int port() default DEFAULT_PORT;

    @AttributeDefinition(name = "TLS", description = "Serve HTTPS instead of HTTP, with the key store below.")
    boolean tls_enabled() default false;

    @AttributeDefinition(name = "Key store", required = false,
            description = "Path of the key store holding the server's certificate and key (PKCS12 or JKS).")
    String tls_keystore() default "";

    @AttributeDefinition(name = "Key store type", options = {@Option(label = "PKCS12", value = "PKCS12"),
            @Option(label = "JKS", value = "JKS")}, description = "Format of the key store.")
    String tls_keystore_type() default "PKCS12";

    @AttributeDefinition(name = "Key store password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the key store.")
    String _tls_keystore_password() default "";

    @AttributeDefinition(name = "Key password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the key inside the key store; empty means the key store password.")
    String _tls_key_password() default "";

    @AttributeDefinition(name = "Authentication", options = {@Option(label = "None", value = "none"),
            @Option(label = "Basic (user name and password)", value = "basic"),
            @Option(label = "Bearer token", value = "bearer")},
            description = "How callers prove who they are. 'none' is refused on a host other than loopback.")
    String auth() default "none";

    @AttributeDefinition(name = "User name", required = false, description = "The user name for basic authentication.")
    String auth_user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "The password for basic authentication.")
    String _auth_password() default "";

    @AttributeDefinition(name = "Bearer token", type = AttributeType.PASSWORD, required = false,
            description = "The token for bearer authentication (Authorization: Bearer <token>).")
    String _auth_token() default "";

    @AttributeDefinition(name = "Open probes",
            description = "Let /health and /ready answer without authentication, for load balancers and "
                    + "orchestrators that cannot send credentials. They show names and states, never secrets.")
    boolean probes_public() default false;

    @AttributeDefinition(name = "History (minutes)", min = "1", max = "1440",
            description = "How far back the status page's charts reach; the values are kept in memory.")
    int history_minutes() default 60;

    @AttributeDefinition(name = "Points per chart", min = "10", max = "100000",
            description = "The most values kept per chart line; older ones are dropped first.")
    int history_points() default 3_600;

    @AttributeDefinition(name = "Recent errors", min = "1", max = "10000",
            description = "How many of the latest warnings and errors the status page keeps.")
    int errors_kept() default 50;

    @AttributeDefinition(name = "Page refresh (ms)", min = "250", description = "How often the status page asks for new data.")
    long refresh_ms() default 2_000;

    @AttributeDefinition(name = "Readiness grace (intervals)", min = "1",
            description = "A source counts as healthy while its last success is younger than this many of its "
                    + "own polling or reporting intervals.")
    int ready_grace_intervals() default 3;

    @AttributeDefinition(name = "Readiness queue limit (%)", min = "1", max = "100",
            description = "A sink whose queue is at least this full counts as not delivering.")
    int ready_queue_fill_max_pct() default 90;
}
