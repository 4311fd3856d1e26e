package io.butlersos.agent.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.ErrorCounts;
import io.butlersos.api.agent.health.ErrorSummary;
import io.butlersos.api.sink.Sink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error tracker. It is a {@link Sink} of {@code agent.error}, so the core hands it every error any
 * component publishes, with no coupling to those components. It only counts and logs: it publishes
 * nothing and its {@link #write} never fails, so no error can feed back into more errors (Butler
 * SOS's tracker wrote one point per error through the sink that was failing; see the compatibility
 * notes). Its log lines are rate-limited: a running summary at most once per interval, and the
 * daily summary at UTC midnight.
 */
@Component(configurationPid = ErrorTrackingConfig.PID, immediate = true,
        service = {Sink.class, ErrorCounts.class},
        property = {Sink.NAME + "=error-tracker", Sink.SIGNAL_TYPES + "=" + ErrorSignal.TYPE})
@Designate(ocd = ErrorTrackingConfig.class)
public final class ErrorTrackerComponent implements Sink, ErrorCounts {

    static final int MAX_TYPES_PER_LINE = 20;

    private static final Logger LOG = LoggerFactory.getLogger("io.butlersos.agent.errors");

    private final Clock clock;
    private final ErrorTally tally;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "butlersos-error-tracker");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean enabled;
    private volatile boolean logSummary;
    private ScheduledFuture<?> summaryTask;
    private long loggedChanges;

    public ErrorTrackerComponent() {
        this(Clock.systemUTC());
    }

    ErrorTrackerComponent(Clock clock) {
        this.clock = clock;
        this.tally = new ErrorTally(clock);
    }

    @Activate
    void activate(ErrorTrackingConfig config) {
        apply(config);
        scheduleMidnight();
    }

    @Modified
    void modified(ErrorTrackingConfig config) {
        apply(config);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private synchronized void apply(ErrorTrackingConfig config) {
        enabled = config.enable();
        logSummary = config.log_summary_enable();
        if (summaryTask != null) {
            summaryTask.cancel(false);
            summaryTask = null;
        }
        if (enabled && logSummary) {
            long every = config.log_summary_interval_s();
            if (every < 1) {
                LOG.error("{} log.summary.interval.s must be at least 1, not {}; no running summary",
                        ErrorTrackingConfig.PID, every);
                return;
            }
            summaryTask = timer.scheduleWithFixedDelay(this::logRunningSummary, every, every, TimeUnit.SECONDS);
        }
        LOG.info("Error tracking {}{}", enabled ? "on" : "off (enable=false)",
                enabled && logSummary ? ", running summary at most every " + config.log_summary_interval_s() + " s" : "");
    }

    @Override
    public void write(List<Signal> batch) {
        if (!enabled) {
            return;
        }
        for (Signal signal : batch) {
            if (signal instanceof ErrorSignal error) {
                try {
                    tally.count(error).ifPresent(this::logDay);
                } catch (RuntimeException e) {
                    // Counting must never fail a write: a failing tracker would be retried by the core forever.
                    LOG.debug("Error tracker could not count an error", e);
                }
            }
        }
    }

    @Override
    public String target() {
        return "log";
    }

    @Override
    public ErrorSummary today() {
        tally.rollIfNewDay().ifPresent(this::logDay);
        return tally.snapshot();
    }

    @Override
    public Optional<ErrorSummary> previousDay() {
        tally.rollIfNewDay().ifPresent(this::logDay);
        return tally.previous();
    }

    /** Logs today's counts if anything was counted since the last line; returns whether it logged. */
    synchronized boolean logRunningSummary() {
        long changes = tally.changes();
        if (changes == loggedChanges) {
            return false;
        }
        loggedChanges = changes;
        ErrorSummary today = tally.snapshot();
        if (today.total() == 0) {
            return false;
        }
        LOG.info("Errors today so far ({} UTC): {}", today.day(), ErrorTally.describe(today, MAX_TYPES_PER_LINE));
        return true;
    }

    /** At UTC midnight: the day's summary, always logged, then counting starts again. */
    void midnight() {
        try {
            tally.rollIfNewDay().ifPresent(this::logDay);
        } finally {
            scheduleMidnight();
        }
    }

    private void logDay(ErrorSummary day) {
        LOG.info("Error summary for {} (UTC): {}", day.day(), ErrorTally.describe(day, MAX_TYPES_PER_LINE));
    }

    private void scheduleMidnight() {
        Instant now = clock.instant();
        Instant next = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // A few ms past midnight, so the clock has surely moved to the new day.
        long delay = Duration.between(now, next).toMillis() + 50;
        synchronized (this) {
            if (!timer.isShutdown()) {
                timer.schedule(this::midnight, delay, TimeUnit.MILLISECONDS);
            }
        }
    }
}
