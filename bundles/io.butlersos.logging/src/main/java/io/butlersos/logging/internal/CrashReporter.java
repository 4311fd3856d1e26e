package io.butlersos.logging.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns crashes into a log line and a dump file: an uncaught exception that ends a thread, and a
 * framework ERROR event (a bundle that fails to start, also during framework start).
 */
final class CrashReporter implements Thread.UncaughtExceptionHandler, FrameworkListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.butlersos.logging.crash");

    private final CrashDumpWriter writer;
    private final RuntimeFacts facts;
    private final Thread.UncaughtExceptionHandler previous;

    CrashReporter(CrashDumpWriter writer, RuntimeFacts facts, Thread.UncaughtExceptionHandler previous) {
        this.writer = writer;
        this.facts = facts;
        this.previous = previous;
    }

    Thread.UncaughtExceptionHandler previous() {
        return previous;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Thread '{}' ended by an uncaught exception", thread.getName(), error);
        dump("uncaught exception in thread \"" + thread.getName() + "\": " + error, error);
        if (previous != null && !(previous instanceof CrashReporter)) {
            previous.uncaughtException(thread, error);
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() != FrameworkEvent.ERROR) {
            return;
        }
        Bundle bundle = event.getBundle();
        String name = bundle == null ? "the framework" : "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion();
        Throwable error = event.getThrowable();
        LOG.error("Framework error in {}", name, error);
        dump("framework error in " + name + (error == null ? "" : ": " + error), error);
    }

    private void dump(String reason, Throwable error) {
        try {
            Path file = writer.write(reason, error, facts);
            if (file != null) {
                LOG.error("Crash dump written to {}", file.toAbsolutePath());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write a crash dump: {}", e.toString());
        }
    }
}
