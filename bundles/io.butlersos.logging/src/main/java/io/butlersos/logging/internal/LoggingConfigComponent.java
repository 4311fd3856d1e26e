package io.butlersos.logging.internal;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code io.butlersos.logging} configuration to logback, live. A bad value is refused
 * with a message naming the key, and the settings in force stay. Without a configuration the
 * defaults apply; deleting it brings them back.
 */
@Component(configurationPid = LoggingConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = LoggingConfig.class)
public final class LoggingConfigComponent {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingConfigComponent.class);

    @Activate
    @Modified
    void apply(LoggingConfig config, Map<String, Object> properties) {
        LogbackSetup setup = Logging.setup();
        if (setup == null) {
            return; // not on logback
        }
        LogSettings next;
        try {
            next = settings(config, properties);
        } catch (IllegalArgumentException e) {
            LOG.error("Logging configuration {} refused, the previous settings stay: {}", LoggingConfig.PID, e.getMessage());
            return;
        }
        LogSettings before = setup.current();
        setup.apply(next);
        if (before == null || !before.equals(next)) {
            LOG.info("Logging: root level {}, levels {}, console {}, file {} (max {} per file, {} days, cap {})",
                    next.rootLevel(), next.levels(), next.console() ? "on" : "off",
                    next.file() ? next.logFile() : "off", next.maxFileSize(), next.maxHistoryDays(), next.totalSizeCap());
        }
    }

    @Deactivate
    void deactivate() {
        LogbackSetup setup = Logging.setup();
        if (setup != null) {
            setup.apply(Logging.defaults());
        }
    }

    /** The configured log folder, or the framework's ({@code butlersos.log.dir}) when none is set. */
    static Path directory(String configured, Path frameworkDir) {
        return configured == null || configured.isBlank() ? frameworkDir : Path.of(configured.trim());
    }

    static LogSettings settings(LoggingConfig config, Map<String, ?> properties) {
        return new LogSettings(directory(config.file_directory(), Logging.dir()), config.root_level(), LevelKeys.read(config.levels(), properties),
                config.console_enabled(), config.file_enabled(), config.file_max_size(), config.file_max_history_days(),
                config.file_total_size_cap());
    }
}
