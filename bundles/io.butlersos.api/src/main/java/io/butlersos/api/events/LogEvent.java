package io.butlersos.api.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import io.butlersos.api.json.Json;

/**
 * One warning or error line of the engine, proxy, repository or scheduler, as sent by the Sense
 * log4net UDP appender to port 9996. Rendered as Butler SOS's {@code log_event} point.
 *
 * @param time the Sense event time (see {@link EventHeader#timeSource()})
 * @param tags configured tags ({@code logEvents.tags}), on every point
 * @param header the common leading fields
 * @param message {@code %encodedmessage}, as sent (may hold {@code ;} and {@code '})
 * @param exceptionMessage {@code %encodedexception}; empty for the engine, which sends none
 * @param user the active user, from the directory and id properties (the scheduler's {@code User} when those are empty)
 * @param details the service-specific properties
 * @param categories the categories the rules gave it, in rule order, without duplicates
 */
public record LogEvent(
        Instant time,
        Map<String, String> tags,
        EventHeader header,
        String message,
        String exceptionMessage,
        SenseUser user,
        LogDetails details,
        List<EventCategory> categories) implements Signal {

    /** The signal type of log events. */
    public static final String TYPE = "event.log";

    public LogEvent {
        tags = Map.copyOf(tags);
        categories = List.copyOf(categories);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The Sense node that logged it. */
    @Override
    public String origin() {
        return header.host();
    }

    /** The same event with other categories. */
    public LogEvent withCategories(List<EventCategory> newCategories) {
        return new LogEvent(time, tags, header, message, exceptionMessage, user, details, newCategories);
    }

    /**
     * The event as Butler SOS's message object: its keys, its order. This is the MQTT payload (the
     * MQTT sink adds {@code tags}) and the {@code raw_event} field.
     */
    public Map<String, Object> butlerSosFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", header.source().label());
        fields.put("log_row", header.logRow());
        fields.put("ts_iso", header.tsIso());
        fields.put("ts_local", header.tsLocal());
        fields.put("level", header.level());
        fields.put("host", header.host());
        fields.put("subsystem", header.subsystem());
        fields.put("windows_user", header.windowsUser());
        fields.put("message", message);
        if (!(details instanceof EngineDetails)) {
            fields.put("exception_message", exceptionMessage);
        }
        fields.put("user_directory", user.directory());
        fields.put("user_id", user.id());
        details.addButlerSosFields(fields);
        fields.put("user_full", user.full());
        if (!categories.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            for (EventCategory category : categories) {
                list.add(Map.of("name", category.name(), "value", category.value()));
            }
            fields.put("category", list);
        }
        return fields;
    }

    /**
     * The attributes of Butler SOS's New Relic {@code qs_logEvent} (without the configured static
     * attributes, which the sink adds). {@code timestamp} is the event time in epoch milliseconds.
     */
    public Map<String, Object> newRelicAttributes() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamp", time.toEpochMilli());
        out.put("qs_ts_iso", header.tsIso());
        out.put("qs_ts_local", header.tsLocal());
        out.put("qs_log_source", header.source().label());
        out.put("qs_log_level", header.level());
        out.put("qs_host", header.host());
        out.put("qs_subsystem", header.subsystem());
        out.put("qs_windows_user", header.windowsUser());
        out.put("qs_message", message);
        Map<String, Object> raw = butlerSosFields();
        for (String key : List.of("exception_message", "user_full", "user_directory", "user_id", "command",
                "result_code", "origin", "context", "task_name", "app_name", "task_id", "app_id", "execution_id",
                "proxy_session_id", "engine_ts", "process_id", "engine_exe_version", "server_started",
                "entry_type", "session_id")) {
            Object value = raw.get(key);
            if (value != null) {
                out.put("qs_" + key, value);
            }
        }
        out.put("qs_user_full", user.directory() + '\\' + user.id());
        tags.forEach(out::put);
        return out;
    }

    /** The {@code log_event} point, with Butler SOS's tags and fields for this event's source. */
    @Override
    public List<Point> toPoints() {
        Point.Builder point = Point.measurement("log_event")
                .tag("host", header.host())
                .tag("level", header.level())
                .tag("source", header.source().label())
                .tag("log_row", Long.toString(header.logRow()))
                .tag("subsystem", header.subsystem())
                .tag("user_full", user.full())
                .tag("user_directory", user.directory())
                .tag("user_id", user.id())
                .field("message", message)
                .time(time);
        if (details instanceof EngineDetails engine) {
            point.tag("windows_user", header.windowsUser())
                    .tag("app_id", engine.appId())
                    .tag("app_name", engine.appName())
                    .tag("engine_exe_version", engine.engineExeVersion())
                    .field("session_id", engine.sessionId());
        } else if (details instanceof AuditDetails audit) {
            point.tag("result_code", audit.resultCode())
                    .field("exception_message", exceptionMessage)
                    .field("command", audit.command())
                    .field("result_code", audit.resultCode())
                    .field("origin", audit.commandOrigin())
                    .field("context", audit.context());
        } else if (details instanceof TaskDetails task) {
            point.tag("task_id", task.taskId())
                    .tag("task_name", task.taskName())
                    .field("exception_message", exceptionMessage)
                    .field("app_name", task.appName())
                    .field("app_id", task.appId())
                    .field("execution_id", task.executionId());
        }
        for (EventCategory category : categories) {
            point.tag(category.name(), category.value());
        }
        point.tags(tags);
        point.field("raw_event", Json.write(butlerSosFields()));
        return List.of(point.build());
    }
}
