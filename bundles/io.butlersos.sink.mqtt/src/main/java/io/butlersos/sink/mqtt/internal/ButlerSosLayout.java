package io.butlersos.sink.mqtt.internal;

import java.util.List;

import io.butlersos.api.Signal;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.UserEvent;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;

/**
 * Butler SOS's topics and payloads for the signals it published (health, proxy sessions, user, log and
 * QIX performance events). Signals Butler SOS never sent to MQTT go to their JSON topic instead, so a
 * sink configured for {@code *} still publishes everything.
 */
final class ButlerSosLayout implements MessageMapper {

    private final HealthMessages health;
    private final SessionMessages sessions;
    private final UserEventMessages userEvents;
    private final LogEventMessages logEvents;
    private final JsonLayout others;

    ButlerSosLayout(TopicSettings topics) {
        this.health = new HealthMessages(topics.baseTopic(), topics.healthByServerName());
        this.sessions = new SessionMessages(topics.baseTopic());
        this.userEvents = new UserEventMessages(topics.userEventsTopic(), topics.userEventCommandTopics());
        this.logEvents = new LogEventMessages(topics.logEventsTopic(), topics.logEventsToBaseTopic(),
                topics.logEventsToSubsystemTopics());
        this.others = new JsonLayout(topics.jsonBaseTopic());
    }

    @Override
    public List<OutgoingMessage> map(Signal signal) {
        if (signal instanceof HealthSample sample) {
            return health.map(sample);
        }
        if (signal instanceof ProxySessions list) {
            return sessions.map(list);
        }
        if (signal instanceof UserEvent event) {
            return userEvents.map(event);
        }
        if (signal instanceof LogEvent event) {
            return logEvents.map(event.butlerSosFields(), event.tags(), event.header().subsystem());
        }
        if (signal instanceof QixPerfEvent event) {
            return logEvents.map(event.butlerSosFields(), event.tags(), event.header().subsystem());
        }
        return others.map(signal);
    }
}
