package io.butlersos.events.internal;

import java.time.Instant;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.events.UserEvent;
import io.butlersos.events.internal.count.EventCounters;
import io.butlersos.events.internal.enrich.UserExclusions;
import io.butlersos.events.internal.parse.ParseResult;
import io.butlersos.events.internal.parse.UserDatagramParser;
import io.butlersos.events.internal.receive.Datagram;
import io.butlersos.events.internal.receive.DatagramHandler;
import io.butlersos.events.internal.receive.DropReasons;
import io.butlersos.events.internal.receive.ReceiverStats;

/** What happens to a datagram of port 9997: parse, count, leave out excluded users, publish. */
final class UserEventHandler implements DatagramHandler {

    /** The parts that change with the configuration. */
    record Policy(UserDatagramParser parser, UserExclusions exclusions) {
    }

    private final SignalPublisher publisher;
    private final EventCounters counters;
    private final ReceiverStats stats;
    private final RejectionLog rejections = new RejectionLog("user");
    private volatile Policy policy;

    UserEventHandler(Policy policy, SignalPublisher publisher, EventCounters counters, ReceiverStats stats) {
        this.policy = policy;
        this.publisher = publisher;
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
            counters.events().add("user", rejected.messageType(), rejected.host(), "", "");
            stats.parseFailed();
            rejections.report(datagram.sender(), rejected);
            return rejected.reason().label();
        }
        UserEvent event = (UserEvent) ((ParseResult.Parsed) result).event();
        // Butler SOS counts user events by origin in the subsystem column; kept for its dashboards.
        counters.events().add("user", event.messageType(), event.host(), event.commandOrigin(), "");
        if (p.exclusions().excludes(event.user())) {
            return DropReasons.EXCLUDED_USER;
        }
        publisher.publish(event);
        return null;
    }
}
