package io.butlersos.sink.file.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.butlersos.api.Signal;
import io.butlersos.api.json.Json;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default output: every signal as one JSON object per line. A change of configuration
 * re-creates the component; the core keeps the backlog meanwhile.
 */
@Component(configurationPid = FileSinkConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FileSinkConfig.class, factory = true)
public final class FileSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);
    private static final long MB = 1024L * 1024L;

    private final RotatingFiles files;
    private final Path folder;

    @Activate
    public FileSink(FileSinkConfig config) {
        this(config, Clock.systemUTC());
    }

    FileSink(FileSinkConfig config, Clock clock) {
        if (config.prefix().isBlank() || config.prefix().contains("/") || config.prefix().contains("\\")) {
            throw new IllegalArgumentException("prefix must be a plain file name part, not '" + config.prefix() + "'");
        }
        this.folder = Path.of(config.folder()).toAbsolutePath().normalize();
        this.files = new RotatingFiles(folder, config.prefix(), config.max_file_mb() * MB, config.retention_files(),
                clock);
        LOG.info("File output '{}' writes to {}", config.butlersos_sink_name(), folder);
    }

    @Override
    public void write(List<Signal> batch) throws SinkException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(batch.size() * 256);
        for (Signal signal : batch) {
            bytes.writeBytes(Json.writeSignal(signal).getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        try {
            files.append(bytes.toByteArray());
        } catch (IOException e) {
            // A full or read-only disk can recover; the core keeps the batch and retries with back-off.
            throw SinkException.retriable("cannot write to " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String target() {
        return folder.toString();
    }

    @Deactivate
    void deactivate() throws IOException {
        files.close();
    }
}
