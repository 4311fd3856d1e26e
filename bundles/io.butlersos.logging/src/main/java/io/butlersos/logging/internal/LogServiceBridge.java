package io.butlersos.logging.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;

/** Adds the forwarder to every Log Service reader (Felix Log), and removes it again. */
final class LogServiceBridge extends ServiceTracker<LogReaderService, LogReaderService> {

    private final LogServiceForwarder forwarder = new LogServiceForwarder();

    LogServiceBridge(BundleContext context) {
        super(context, LogReaderService.class, null);
    }

    @Override
    public LogReaderService addingService(ServiceReference<LogReaderService> reference) {
        LogReaderService reader = super.addingService(reference);
        if (reader != null) {
            reader.addLogListener(forwarder);
        }
        return reader;
    }

    @Override
    public void removedService(ServiceReference<LogReaderService> reference, LogReaderService reader) {
        reader.removeLogListener(forwarder);
        super.removedService(reference, reader);
    }
}
