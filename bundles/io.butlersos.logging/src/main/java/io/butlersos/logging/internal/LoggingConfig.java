package io.butlersos.logging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Levels and log files. Besides these attributes the configuration may hold any number of
 * {@code level.<logger>} keys, e.g. {@code level.io.butlersos.sense = DEBUG}: a bundle's loggers are
 * named after its classes, so its symbolic name (= root package) sets the level of the whole bundle.
 */
@ObjectClassDefinition(name = "Butler SOS logging",
        description = "Log levels per logger or bundle and the rotating log files; changes apply live. "
                + "Add level.<logger or bundle> = LEVEL keys for per-bundle levels.")
public @interface LoggingConfig {

    String PID = "io.butlersos.logging";

    @AttributeDefinition(description = "Level of every logger that has no level of its own.", options = {
            @Option(value = "OFF"), @Option(value = "ERROR"), @Option(value = "WARN"), @Option(value = "INFO"),
            @Option(value = "DEBUG"), @Option(value = "TRACE") })
    String root_level() default "INFO";

    @AttributeDefinition(required = false, description = "Levels per logger, each logger=LEVEL "
            + "(the same as level.<logger> keys; a level.<logger> key wins).")
    String[] levels() default {};

    @AttributeDefinition(description = "Write log lines to the console (standard output).")
    boolean console_enabled() default true;

    @AttributeDefinition(description = "Write log lines to <log dir>/butler-sos.log (the log dir is the "
            + "framework property butlersos.log.dir, default logs).")
    boolean file_enabled() default true;

    @AttributeDefinition(required = false, description = "Folder of butler-sos.log and its rolled files, relative to "
            + "the folder the agent starts in or absolute. Empty: the framework property butlersos.log.dir (default logs). "
            + "Crash dumps stay there.")
    String file_directory() default "";

    @AttributeDefinition(description = "Size at which the log file is rolled over, e.g. 10MB, 500KB.")
    String file_max_size() default "10MB";

    @AttributeDefinition(description = "Days of rolled log files to keep.")
    int file_max_history_days() default 14;

    @AttributeDefinition(description = "Upper bound of all rolled log files together, e.g. 1GB; the oldest go first.")
    String file_total_size_cap() default "1GB";
}
