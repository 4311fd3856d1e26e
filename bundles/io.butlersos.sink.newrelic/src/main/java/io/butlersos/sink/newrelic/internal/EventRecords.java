package io.butlersos.sink.newrelic.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.UserEvent;

/**
 * Log and user events as Event API events ({@code qs_logEvent}, {@code qs_userEvent}) and Log API
 * records, with Butler SOS's attribute names. The timestamp is the Sense event time.
 */
final class EventRecords {

    private static final List<String> USER_EVENT_USER_KEYS = List.of("qs_userFull", "qs_userDirectory", "qs_userId");
    private static final List<String> LOG_EVENT_USER_KEYS =
            List.of("qs_user_full", "qs_user_directory", "qs_user_id", "qs_windows_user");

    private final Attributes extra;
    private final UserScrambler scrambler;

    /** @param scrambler null to send user names as they are */
    EventRecords(Attributes extra, UserScrambler scrambler) {
        this.extra = extra;
        this.scrambler = scrambler;
    }

    Map<String, Object> userEvent(UserEvent e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", "qs_userEvent");
        event.putAll(e.newRelicAttributes());
        scramble(event, USER_EVENT_USER_KEYS);
        extra.asMap().forEach(event::putIfAbsent);
        return Limits.apply(event, Limits.EVENT_MAX_ATTRIBUTES, Limits.EVENT_MAX_VALUE_CHARS);
    }

    Map<String, Object> logEvent(LogEvent e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", "qs_logEvent");
        event.putAll(e.newRelicAttributes());
        e.categories().forEach(c -> event.put(c.name(), c.value()));
        scramble(event, LOG_EVENT_USER_KEYS);
        extra.asMap().forEach(event::putIfAbsent);
        return Limits.apply(event, Limits.EVENT_MAX_ATTRIBUTES, Limits.EVENT_MAX_VALUE_CHARS);
    }

    /** A Log API record: {@code timestamp}, {@code message}, {@code level} and the event's attributes. */
    Map<String, Object> logRecord(LogEvent e) {
        Map<String, Object> attributes = new LinkedHashMap<>(e.newRelicAttributes());
        attributes.remove("timestamp");
        Object message = attributes.remove("qs_message");
        attributes.put("level", e.header().level());
        attributes.put("logtype", "qs_logEvent");
        e.categories().forEach(c -> attributes.put(c.name(), c.value()));
        scramble(attributes, LOG_EVENT_USER_KEYS);
        extra.asMap().forEach(attributes::putIfAbsent);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("timestamp", e.time().toEpochMilli());
        record.put("message", Limits.cut(message == null ? "" : message.toString(), Limits.LOG_MESSAGE_CHARS));
        record.put("attributes", Limits.apply(attributes, Limits.LOG_MAX_ATTRIBUTES - 2, Limits.LOG_MAX_VALUE_CHARS));
        return record;
    }

    private void scramble(Map<String, Object> attributes, List<String> keys) {
        if (scrambler == null) {
            return;
        }
        for (String key : keys) {
            if (attributes.get(key) instanceof String value) {
                attributes.put(key, scrambler.scramble(value));
            }
        }
    }
}
