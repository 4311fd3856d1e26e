package io.butlersos.events.internal;

import java.time.Instant;
import java.util.Set;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.events.EventHeader;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.TimeSource;
import io.butlersos.events.internal.count.EventCounters;
import io.butlersos.events.internal.parse.LogDatagramParser;
import io.butlersos.events.internal.parse.ParseResult;
import io.butlersos.events.internal.qix.QixPerfMonitor;
import io.butlersos.events.internal.receive.Datagram;
import io.butlersos.events.internal.receive.DatagramHandler;
import io.butlersos.events.internal.receive.DropReasons;
import io.butlersos.events.internal.receive.ReceiverStats;
import io.butlersos.events.internal.rules.Categoriser;
import io.butlersos.events.internal.rules.Verdict;

/**
 * What happens to a datagram of port 9996 after the reader: parse, check the source is on, count,
 * filter QIX performance events, categorise, publish. Every way out that is not a publish returns its
 * drop reason, so the receiver counts it.
 */
final class LogEventHandler implements DatagramHandler {

    /** The parts that change with the configuration; swapped as a whole. */
    record Policy(LogDatagramParser parser, Set<LogSource> enabledSources) {
    }

    private final SignalPublisher publisher;
    private final Categoriser categoriser;
    private final QixPerfMonitor qixPerf;
    private final EventCounters counters;
    private final ReceiverStats stats;
    private final RejectionLog rejections = new RejectionLog("log");
    private volatile Policy policy;

    LogEventHandler(Policy policy, SignalPublisher publisher, Categoriser categoriser, QixPerfMonitor qixPerf,
            EventCounters counters, ReceiverStats stats) {
        this.policy = policy;
        this.publisher = publisher;
        this.categoriser = categoriser;
        this.qixPerf = qixPerf;
        this.counters = counters;
        this.stats = stats;
    }

    void policy(Policy next) {
        this.policy = next;
    }

    @Override
    public String handle(Datagram datagram) {
        Policy p = policy;
        ParseResult result = p.parser().parse(datagram.data(), 0, datagram.data().length,
                Instant.ofEpochMilli(datagram.receivedMillis()));
        if (result instanceof ParseResult.Rejected rejected) {
            counters.events().add("log", rejected.messageType(), rejected.host(), "", "");
            stats.parseFailed();
            rejections.report(datagram.sender(), rejected);
            return rejected.reason().label();
        }
        Signal event = ((ParseResult.Parsed) result).event();
        if (event instanceof QixPerfEvent qix) {
            return qixPerf(qix, p);
        }
        LogEvent log = (LogEvent) event;
        EventHeader header = log.header();
        if (!p.enabledSources().contains(header.source())) {
            return DropReasons.SOURCE_DISABLED;
        }
        count(header);
        Verdict verdict = categoriser.apply(header.level(), log.message());
        if (verdict.drop()) {
            return DropReasons.RULE;
        }
        publisher.publish(verdict.categories().isEmpty() ? log : log.withCategories(verdict.categories()));
        return null;
    }

    private String qixPerf(QixPerfEvent event, Policy p) {
        EventHeader header = event.header();
        if (!p.enabledSources().contains(LogSource.QIX_PERF)) {
            return DropReasons.SOURCE_DISABLED;
        }
        if (!qixPerf.enabled()) {
            count(header);
            return DropReasons.QIX_PERF_DISABLED;
        }
        if (!qixPerf.accepts(event)) {
            if (qixPerf.trackRejected()) {
                counters.rejected().add(event);
            }
            return DropReasons.QIX_PERF_FILTERED;
        }
        count(header);
        Verdict verdict = categoriser.apply(header.level(), "");
        if (verdict.drop()) {
            return DropReasons.RULE;
        }
        publisher.publish(verdict.categories().isEmpty() ? event : event.withCategories(verdict.categories()));
        return null;
    }

    private void count(EventHeader header) {
        counters.events().add("log", header.source().label(), header.host(), header.subsystem(), header.level());
        if (header.timeSource() == TimeSource.RECEIVED) {
            stats.eventWithoutSenseTime();
        }
    }
}
