package io.butlersos.simulator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One simulated Qlik Sense node. The defaults are the only place they live. */
@ObjectClassDefinition(name = "Butler SOS Qlik Sense simulator node",
        description = "A stand-in Sense node for tests and the demo: engine, proxy and repository APIs over mutual TLS.")
public @interface SimulatorServerConfig {

    /** The factory PID, e.g. config/io.butlersos.simulator.server-sim1.cfg. */
    String PID = "io.butlersos.simulator.server";

    @AttributeDefinition(name = "Node name", description = "Names the node; its values depend on it.")
    String name() default "sense-sim";

    @AttributeDefinition(name = "Bind address", description = "Where the three ports listen; loopback unless you mean it.")
    String bind_address() default "127.0.0.1";

    @AttributeDefinition(name = "Engine port", min = "0", description = "Port of /engine/healthcheck (Sense: 4747); 0 picks a free one.")
    int engine_port() default 0;

    @AttributeDefinition(name = "Proxy port", min = "0", description = "Port of /qps/.../session (Sense: 4243); 0 picks a free one.")
    int proxy_port() default 0;

    @AttributeDefinition(name = "Repository port", min = "0", description = "Port of /qrs/app (Sense: 4242); 0 picks a free one.")
    int repository_port() default 0;

    @AttributeDefinition(name = "Virtual proxies", description = "Virtual proxy prefixes served; / is the default proxy.")
    String[] virtual_proxies() default {"/"};

    @AttributeDefinition(name = "Certificate folder",
            description = "Where the QMC-style export (client.pem, client_key.pem, root.pem, server.pem, server_key.pem) is read or written. Nodes sharing a folder share a CA.")
    String cert_folder() default "simulator/certificates";

    @AttributeDefinition(name = "Server names", description = "Host names and IPs the server certificate is valid for.")
    String[] server_names() default {"localhost", "127.0.0.1"};

    @AttributeDefinition(name = "Export password", type = AttributeType.PASSWORD, required = false,
            description = "Encrypts client_key.pem as the QMC does when a password is set; empty for none.")
    String _export_password() default "";

    @AttributeDefinition(name = "Seed", description = "Same seed, same values at the same step.")
    long seed() default 1;

    @AttributeDefinition(name = "Apps", min = "0", description = "Apps in the simulated repository.")
    int apps() default 25;

    @AttributeDefinition(name = "Users", min = "0", description = "Users who come and go.")
    int users() default 40;

    @AttributeDefinition(name = "Step (ms)", min = "1", description = "How often the simulated values change.")
    long step_ms() default 5_000;

    @AttributeDefinition(name = "Engine version", description = "The version the engine reports.")
    String engine_version() default "14.173.3";

    @AttributeDefinition(name = "Response delay (ms)", min = "0", description = "Every answer waits this long first; for deadline tests.")
    long response_delay_ms() default 0;
}
