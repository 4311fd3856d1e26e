package io.butlersos.logging.internal;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;

/**
 * Configures logback in code: a console appender, a size- and day-rolling file appender, the root
 * level and per-logger levels. Applying new settings changes only what differs, so a level change
 * never reopens the file, and loggers dropped from the settings go back to inheriting.
 */
public final class LogbackSetup {

    /** Every line: ISO time with offset, level, thread, the full logger name (what level.<logger> keys select), message. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n";
    static final String CONSOLE = "console";
    static final String FILE = "file";

    private final LoggerContext context;
    private final Set<String> levelled = new HashSet<>();
    private LogSettings current;

    public LogbackSetup(LoggerContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The settings in force, or null before the first {@link #apply}. */
    public synchronized LogSettings current() {
        return current;
    }

    /** Makes logback follow {@code next}. */
    public synchronized void apply(LogSettings next) {
        if (current == null) {
            context.reset(); // drop logback's own default (console at DEBUG) before ours is in place
            LevelChangePropagator jul = new LevelChangePropagator(); // java.util.logging follows our levels
            jul.setContext(context);
            jul.setResetJUL(true);
            jul.start();
            context.addListener(jul);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        boolean appendersChanged = current == null || current.console() != next.console() || current.file() != next.file()
                || !current.dir().equals(next.dir()) || !current.maxFileSize().equals(next.maxFileSize())
                || current.maxHistoryDays() != next.maxHistoryDays() || !current.totalSizeCap().equals(next.totalSizeCap());
        if (appendersChanged) {
            replace(root, CONSOLE, next.console() ? console() : null);
            replace(root, FILE, next.file() ? file(next) : null);
        }
        root.setLevel(Level.toLevel(next.rootLevel()));
        for (String name : levelled) {
            if (!next.levels().containsKey(name)) {
                context.getLogger(name).setLevel(null); // back to inheriting
            }
        }
        levelled.clear();
        next.levels().forEach((name, level) -> {
            context.getLogger(name).setLevel(Level.toLevel(level));
            levelled.add(name);
        });
        current = next;
    }

    /** Stops the appenders (closing the file) at shutdown. */
    public synchronized void stop() {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        replace(root, CONSOLE, null);
        replace(root, FILE, null);
        current = null;
    }

    private static void replace(Logger root, String name, Appender<ILoggingEvent> next) {
        if (next != null) {
            root.addAppender(next); // add first, so no line is lost between the two
        }
        Appender<ILoggingEvent> old = root.getAppender(name);
        if (old != null && old != next) {
            root.detachAppender(old);
            old.stop();
        }
    }

    private PatternLayoutEncoder encoder() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    private Appender<ILoggingEvent> console() {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE);
        console.setEncoder(encoder());
        console.start();
        return console;
    }

    private Appender<ILoggingEvent> file(LogSettings settings) {
        String dir = settings.dir().toAbsolutePath().toString();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName(FILE);
        file.setFile(settings.logFile().toAbsolutePath().toString());

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        // Rolled files: butler-sos.2026-11-29.0.log.gz, .1.log.gz, ... one series per day.
        policy.setFileNamePattern(dir + "/butler-sos.%d{yyyy-MM-dd}.%i.log.gz");
        policy.setMaxFileSize(size(settings.maxFileSize(), "file.max.size"));
        policy.setMaxHistory(settings.maxHistoryDays());
        policy.setTotalSizeCap(size(settings.totalSizeCap(), "file.total.size.cap"));
        policy.start();

        file.setRollingPolicy(policy); // the policy also decides when to roll
        file.setEncoder(encoder());
        file.start();
        return file;
    }

    static FileSize size(String text, String key) {
        try {
            return FileSize.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a size (e.g. 10MB, 500KB, 1GB)", e);
        }
    }
}
