package io.butlersos.hostinfo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Host facts. {@code enable} is Butler SOS's {@code systemInfo.enable}; the rest is new.
 */
@ObjectClassDefinition(name = "Butler SOS host info",
        description = "Host facts (OS, CPU, memory, network interfaces, JVM) read through OSHI.")
public @interface HostInfoConfig {

    /** The PID operators configure, e.g. in config/io.butlersos.hostinfo.cfg. */
    String PID = "io.butlersos.hostinfo";

    @AttributeDefinition(name = "Enable",
            description = "Read host facts with OSHI, offer the HostInfo service and publish host.info signals. "
                    + "False reads nothing from the host (Butler SOS systemInfo.enable).")
    boolean enable() default true;

    @AttributeDefinition(name = "Publish interval (s)", min = "60",
            description = "How often host.info signals are published; one is always published at start.")
    long publish_interval_s() default 3600;

    @AttributeDefinition(name = "Instance tag", required = false,
            description = "Value of the butler_sos_instance tag on host.info points; empty leaves the tag out.")
    String instance_tag() default "";
}
