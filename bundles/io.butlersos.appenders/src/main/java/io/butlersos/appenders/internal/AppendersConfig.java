package io.butlersos.appenders.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the generated LocalLogConfig.xml files point Sense, and where the agent keeps copies. */
@ObjectClassDefinition(name = "Butler SOS Sense log appender files",
        description = "Generates LocalLogConfig.xml for the Sense engine, proxy, repository and scheduler from the "
                + "UDP receiver configuration.")
public @interface AppendersConfig {

    String PID = "io.butlersos.appenders";

    @AttributeDefinition(required = false, description = "Address the Sense nodes send to (an IP address or a name they "
            + "resolve). Empty: the receivers' bind.address, or this machine's name when they bind to all or to "
            + "loopback addresses.")
    String remote_address() default "";

    @AttributeDefinition(required = false, description = "Folder the files are kept up to date in, one sub-folder per "
            + "service (engine/LocalLogConfig.xml, ...). Relative to the folder the agent runs in. Empty: write none.")
    String output_dir() default "data/sense-logconfig";
}
