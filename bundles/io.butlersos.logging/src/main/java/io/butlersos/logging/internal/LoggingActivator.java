package io.butlersos.logging.internal;

import java.nio.file.Path;
import java.time.Clock;

import ch.qos.logback.classic.LoggerContext;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts at start level 3, before the agent's bundles: console and file appenders with default
 * levels, java.util.logging routed to slf4j, Log Service entries forwarded, crash dumps on. Config
 * Admin ({@link LoggingConfigComponent}) takes over the levels once it runs.
 *
 * <p>Framework properties: {@code butlersos.log.dir} (default {@code logs}) and
 * {@code butlersos.log.level} (the root level until the configuration is read; default INFO).
 */
public final class LoggingActivator implements BundleActivator {

    static final String DIR_PROPERTY = "butlersos.log.dir";
    static final String LEVEL_PROPERTY = "butlersos.log.level";

    private LogbackSetup logback;
    private LogServiceBridge logService;
    private CrashReporter crashes;

    @Override
    public void start(BundleContext context) {
        String dirProperty = context.getProperty(DIR_PROPERTY);
        Path dir = Path.of(dirProperty == null || dirProperty.isBlank() ? "logs" : dirProperty);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext loggerContext) {
            logback = new LogbackSetup(loggerContext);
            Logging.init(logback, dir, context.getProperty(LEVEL_PROPERTY));
            logback.apply(Logging.defaults());
        } else {
            // Another slf4j provider is bound (a test runtime with slf4j-simple): leave it alone.
            LoggerFactory.getLogger(LoggingActivator.class).warn(
                    "slf4j is bound to {}, not logback: console and file settings do not apply", factory.getClass().getName());
        }

        SLF4JBridgeHandler.removeHandlersForRootLogger(); // java.util.logging (Paho, the JDK) into the same log
        SLF4JBridgeHandler.install();

        if (packageWired("org.osgi.service.log.LogReaderService")) {
            logService = new LogServiceBridge(context);
            logService.open();
        }

        crashes = new CrashReporter(new CrashDumpWriter(dir, Clock.systemUTC()), new OsgiRuntimeFacts(context),
                Thread.getDefaultUncaughtExceptionHandler());
        Thread.setDefaultUncaughtExceptionHandler(crashes);
        context.addFrameworkListener(crashes);
    }

    @Override
    public void stop(BundleContext context) {
        context.removeFrameworkListener(crashes);
        if (Thread.getDefaultUncaughtExceptionHandler() == crashes) {
            Thread.setDefaultUncaughtExceptionHandler(crashes.previous());
        }
        if (logService != null) {
            logService.close();
        }
        SLF4JBridgeHandler.uninstall();
        Logging.clear();
        if (logback != null) {
            logback.stop();
        }
    }

    /** Whether an optionally imported package is wired, so classes that use it can load. */
    private static boolean packageWired(String className) {
        try {
            Class.forName(className, false, LoggingActivator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
