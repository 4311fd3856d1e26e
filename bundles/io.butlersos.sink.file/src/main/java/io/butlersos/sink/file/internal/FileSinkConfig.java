package io.butlersos.sink.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One file output. Factory PID {@value #PID}; a file in config/ such as {@code io.butlersos.sink.file-default.cfg}. */
@ObjectClassDefinition(name = "Butler SOS file output",
        description = "Writes signals as JSON Lines: one object per signal, one file per day, rotated by size.")
public @interface FileSinkConfig {

    String PID = "io.butlersos.sink.file";

    @AttributeDefinition(name = "Folder", description = "Where the files go; relative paths start at the agent's folder.")
    String folder() default "data/signals";

    @AttributeDefinition(name = "File prefix", description = "Files are named <prefix>-<UTC date>[.<n>].jsonl.")
    String prefix() default "signals";

    @AttributeDefinition(name = "Largest file (MB)", min = "1",
            description = "A file that would grow past this is closed and the next one started.")
    int max_file_mb() default 100;

    @AttributeDefinition(name = "Files kept", min = "1",
            description = "The newest files with this prefix that are kept; older ones are deleted.")
    int retention_files() default 14;

    @AttributeDefinition(name = "Sink name", description = "Name in logs and delivery counters.")
    String butlersos_sink_name() default "file";

    @AttributeDefinition(name = "Signal types", required = false,
            description = "Signal types to write: * for all, names such as event.log, or prefixes such as sense.*.")
    String[] butlersos_sink_signal_types();

    @AttributeDefinition(name = "Batch size", required = false, description = "Empty: the core's default.")
    int butlersos_sink_batch_size();

    @AttributeDefinition(name = "Linger (ms)", required = false, description = "Empty: the core's default.")
    long butlersos_sink_linger_ms();

    @AttributeDefinition(name = "Buffer limit", required = false, description = "Empty: the core's default.")
    int butlersos_sink_buffer_limit();

    String webconsole_configurationFactory_nameHint() default "{folder}/{prefix}";
}
