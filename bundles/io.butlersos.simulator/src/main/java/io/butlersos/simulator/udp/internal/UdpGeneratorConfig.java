package io.butlersos.simulator.udp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The UDP event generator inside OSGi (demo runtime). PID {@value #PID}. */
@ObjectClassDefinition(name = "Sense simulator: UDP events",
        description = "Sends all seven Sense UDP message types, in turn, at a steady rate.")
public @interface UdpGeneratorConfig {

    String PID = "io.butlersos.simulator.udp";

    @AttributeDefinition(name = "Rate", min = "0", description = "Datagrams per second over all types; 0 sends nothing.")
    double rate() default 10;

    @AttributeDefinition(name = "Target host", description = "Where the agent's UDP receivers listen.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Log port", description = "Log and QIX performance events go here (Sense's default: 9996).")
    int log_port() default 9996;

    @AttributeDefinition(name = "User port", description = "User session and connection events go here (9997).")
    int user_port() default 9997;

    @AttributeDefinition(name = "Hosts", description = "Sense host names the events claim to come from.")
    String[] hosts() default {"sim1", "sim2", "sim3"};

    @AttributeDefinition(name = "UTC offset (hours)", description = "Offset written into the events' local timestamps.")
    int utc_offset_hours() default 1;

    @AttributeDefinition(name = "Seed", description = "Same seed as the simulated servers, same apps and users.")
    long seed() default 1;

    @AttributeDefinition(name = "Apps", min = "1") int apps() default 25;

    @AttributeDefinition(name = "Users", min = "1") int users() default 40;
}
