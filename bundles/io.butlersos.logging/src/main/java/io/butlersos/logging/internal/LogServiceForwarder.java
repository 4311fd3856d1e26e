package io.butlersos.logging.internal;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards OSGi Log Service entries (SCR, Config Admin, FileInstall, Metatype, and the framework's
 * own events as the Log Service records them) to slf4j, so they reach the same console and file.
 *
 * <p>Logger names: framework, bundle and service events become {@code osgi.events.framework},
 * {@code osgi.events.bundle} and {@code osgi.events.service}; anything else is named after the
 * bundle that logged it ({@code org.apache.felix.scr}), so a {@code level.<bsn>} key tunes it.
 */
final class LogServiceForwarder implements LogListener {

    static final String FRAMEWORK_EVENTS = "osgi.events.framework";
    static final String BUNDLE_EVENTS = "osgi.events.bundle";
    static final String SERVICE_EVENTS = "osgi.events.service";

    @Override
    public void logged(LogEntry entry) {
        String message = entry.getMessage();
        Logger logger = LoggerFactory.getLogger(loggerName(entry.getLoggerName(), message, entry.getBundle()));
        Throwable error = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error(message, error);
            case WARN -> logger.warn(message, error);
            case INFO -> logger.info(message, error);
            case DEBUG -> logger.debug(message, error);
            default -> logger.trace(message, error);
        }
    }

    static String loggerName(String logServiceName, String message, Bundle bundle) {
        // Felix Log names event entries after the bundle concerned; the message says what they are.
        if (message != null) {
            if (message.startsWith("BundleEvent ")) {
                return BUNDLE_EVENTS;
            } else if (message.startsWith("ServiceEvent ")) {
                return SERVICE_EVENTS;
            } else if (message.startsWith("FrameworkEvent ")) {
                return FRAMEWORK_EVENTS;
            }
        }
        if (logServiceName != null) {
            switch (logServiceName) {
                case "Events.Framework":
                    return FRAMEWORK_EVENTS;
                case "Events.Bundle":
                    return BUNDLE_EVENTS;
                case "Events.Service":
                    return SERVICE_EVENTS;
                default:
                    break;
            }
        }
        String bsn = bundle == null ? null : bundle.getSymbolicName();
        if (bsn != null) {
            return bsn;
        }
        return logServiceName == null || logServiceName.isBlank() ? "osgi.log" : logServiceName;
    }
}
