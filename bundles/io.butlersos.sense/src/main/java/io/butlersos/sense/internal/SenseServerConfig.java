package io.butlersos.sense.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Qlik Sense server to poll. The README maps each attribute to its Butler SOS key
 * ({@code serversToMonitor.servers[]}, {@code userSessions.*}, {@code serversToMonitor.*}).
 */
@ObjectClassDefinition(name = "Butler SOS Sense server",
        description = "A Qlik Sense node whose engine health and proxy sessions are polled.")
public @interface SenseServerConfig {

    /** The factory PID, e.g. config/io.butlersos.sense.server-central.cfg. */
    String PID = "io.butlersos.sense.server";

    @AttributeDefinition(name = "Server name", description = "Tag server_name and the name in error reports (serverName).")
    String server_name();

    @AttributeDefinition(name = "Description", required = false, description = "Tag server_description (serverDescription).")
    String server_description() default "";

    @AttributeDefinition(name = "Host", description = "Engine host, optionally with :port (host); the host part becomes tag host.")
    String host();

    @AttributeDefinition(name = "Engine port", min = "1", max = "65535", description = "Used when the host has no port.")
    int engine_port() default 4747;

    @AttributeDefinition(name = "Proxy host", required = false,
            description = "Proxy API host:port (userSessions.host); empty means the engine's host name and the proxy port.")
    String proxy_host() default "";

    @AttributeDefinition(name = "Proxy port", min = "1", max = "65535", description = "Used when the proxy host has no port.")
    int proxy_port() default 4243;

    @AttributeDefinition(name = "Virtual proxies", description = "Prefixes to list sessions of; / is the default proxy (userSessions.virtualProxies[].virtualProxy).")
    String[] virtual_proxies() default {"/"};

    @AttributeDefinition(name = "Poll sessions", description = "Poll the proxy's sessions on this server (userSessions.enable).")
    boolean sessions_enabled() default true;

    @AttributeDefinition(name = "Server tags", required = false, description = "Extra tags as name=value (serverTags).")
    String[] server_tags() default {};

    @AttributeDefinition(name = "Headers", required = false, description = "Extra HTTP headers for the health check, as 'Name: value' (headers).")
    String[] headers() default {};

    @AttributeDefinition(name = "Certificate set", description = "Name of the io.butlersos.cert configuration to use.")
    String certificate_set() default "default";

    @AttributeDefinition(name = "Verify server", description = "Check that the server's certificate chains to the CA (serversToMonitor.rejectUnauthorized).")
    boolean verify_server() default true;

    @AttributeDefinition(name = "Verify host name", description = "Check that the server's certificate names the host called.")
    boolean verify_hostname() default true;

    @AttributeDefinition(name = "Health interval (ms)", min = "1000", description = "Between health polls (serversToMonitor.pollingInterval).")
    long health_interval_ms() default 30_000;

    @AttributeDefinition(name = "Session interval (ms)", min = "1000", description = "Between session polls (userSessions.pollingInterval).")
    long sessions_interval_ms() default 30_000;

    @AttributeDefinition(name = "Request deadline (ms)", min = "100", description = "Longest a request may take, connection included.")
    long request_timeout_ms() default 5_000;

    @AttributeDefinition(name = "Start jitter (ms)", min = "0", description = "The first poll starts at a random point within this, so many servers do not poll in step.")
    long jitter_ms() default 1_000;

    @AttributeDefinition(name = "Excluded users", required = false,
            description = "DIRECTORY\\userId entries left out of session details, still counted (userSessions.excludeUser[]).")
    String[] exclude_users() default {};

    @AttributeDefinition(name = "Write active doc ids and names", description = "influxdbConfig.includeFields.activeDocs")
    boolean include_active_docs() default false;

    @AttributeDefinition(name = "Write loaded doc ids and names", description = "influxdbConfig.includeFields.loadedDocs")
    boolean include_loaded_docs() default false;

    @AttributeDefinition(name = "Write in-memory doc ids and names", description = "influxdbConfig.includeFields.inMemoryDocs")
    boolean include_in_memory_docs() default false;
}
