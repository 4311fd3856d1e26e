package io.butlersos.config.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Butler SOS YAML configuration",
        description = "Reads a Butler SOS production.yaml, checks it and applies it through Config Admin, live.")
public @interface YamlConfigSettings {

    /** The PID, e.g. config/io.butlersos.config.cfg. */
    String PID = "io.butlersos.config";

    @AttributeDefinition(name = "File", required = false, description = "Path of the Butler SOS YAML. Empty: the "
            + "-c/--config program argument, else the butlersos.config property, else butler-sos.yaml in the "
            + "FileInstall folder (config/) when it exists.")
    String file() default "";

    @AttributeDefinition(name = "Watch interval (ms)", min = "100",
            description = "How often the file (and the ${file:...} secrets it reads) is checked for edits.")
    long watch_interval_ms() default 1_000;

    @AttributeDefinition(name = "Exit on a bad file at start",
            description = "A file with problems at start-up stops the agent with exit code 2 "
                    + "(later edits with problems are refused and the last good configuration keeps running).")
    boolean exit_on_startup_error() default true;
}
