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
 * One QIX engine request that passed the performance filters ({@code /qseow-qix-perf/}, port 9996).
 * Rendered as Butler SOS's {@code log_event} point with source {@code qseow-qix-perf}. Times are
 * milliseconds; a time Sense did not send as a number is NaN and left out of the point.
 *
 * @param time the Sense event time
 * @param tags configured tags ({@code logEvents.tags})
 * @param header the common leading fields
 * @param user the active user
 * @param proxySessionId the proxy session GUID, empty when none (also for the {@code 0} of non-user work)
 * @param sessionId the engine session GUID, or empty
 * @param appId the app GUID ({@code DocId}), or empty
 * @param appName the app's name from the app-name directory, empty when unknown or lookup is off
 * @param engineTimestamp {@code %property{EngineTimestamp}}
 * @param requestId the request number, -99 when not a number
 * @param method e.g. {@code GenericObject::GetLayout}
 * @param processTime ms
 * @param workTime ms
 * @param lockTime ms
 * @param validateTime ms
 * @param traverseTime ms
 * @param handle the object handle, -99 when not a number
 * @param objectId e.g. {@code rwPjBk}, a GUID, or {@code <Unknown>}
 * @param netRam bytes, -1 when not a number
 * @param peakRam bytes, -1 when not a number
 * @param objectType e.g. {@code barchart}, or {@code <Unknown>}
 * @param userActivity false when Sense marked the request as non-user work (proxy session {@code 0})
 * @param categories the categories the rules gave it
 */
public record QixPerfEvent(
        Instant time,
        Map<String, String> tags,
        EventHeader header,
        SenseUser user,
        String proxySessionId,
        String sessionId,
        String appId,
        String appName,
        String engineTimestamp,
        long requestId,
        String method,
        double processTime,
        double workTime,
        double lockTime,
        double validateTime,
        double traverseTime,
        long handle,
        String objectId,
        long netRam,
        long peakRam,
        String objectType,
        boolean userActivity,
        List<EventCategory> categories) implements Signal {

    /** The signal type of QIX performance events. */
    public static final String TYPE = "event.qix-perf";

    private static final String UNKNOWN = "<Unknown>";

    public QixPerfEvent {
        tags = Map.copyOf(tags);
        categories = List.copyOf(categories);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The Sense node whose engine served the request. */
    @Override
    public String origin() {
        return header.host();
    }

    /** {@code user} or {@code non-user}, as Butler SOS writes {@code event_activity_source}. */
    public String activitySource() {
        return userActivity ? "user" : "non-user";
    }

    /** The same event with other categories. */
    public QixPerfEvent withCategories(List<EventCategory> newCategories) {
        return new QixPerfEvent(time, tags, header, user, proxySessionId, sessionId, appId, appName,
                engineTimestamp, requestId, method, processTime, workTime, lockTime, validateTime, traverseTime,
                handle, objectId, netRam, peakRam, objectType, userActivity, newCategories);
    }

    /** The event as Butler SOS's message object (MQTT payload, {@code raw_event}). */
    public Map<String, Object> butlerSosFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("source", header.source().label());
        f.put("log_row", header.logRow());
        f.put("ts_iso", header.tsIso());
        f.put("ts_local", header.tsLocal());
        f.put("level", header.level());
        f.put("host", header.host());
        f.put("subsystem", header.subsystem());
        f.put("windows_user", header.windowsUser());
        f.put("proxy_session_id", proxySessionId);
        f.put("user_directory", user.directory());
        f.put("user_id", user.id());
        f.put("engine_ts", engineTimestamp);
        f.put("session_id", sessionId);
        f.put("app_id", appId);
        f.put("app_name", appName);
        f.put("request_id", requestId);
        f.put("method", method);
        f.put("process_time", processTime);
        f.put("work_time", workTime);
        f.put("lock_time", lockTime);
        f.put("validate_time", validateTime);
        f.put("traverse_time", traverseTime);
        f.put("handle", handle);
        f.put("object_id", objectId);
        f.put("net_ram", netRam);
        f.put("peak_ram", peakRam);
        f.put("object_type", objectType);
        f.put("event_activity_source", activitySource());
        f.put("user_full", user.full());
        if (!categories.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            for (EventCategory category : categories) {
                list.add(Map.of("name", category.name(), "value", category.value()));
            }
            f.put("category", list);
        }
        return f;
    }

    /**
     * The {@code log_event} point in the v1 schema: numbers are floats there (Butler SOS wrote untyped
     * numbers), empty always-present tags get its {@code <Unknown>} and {@code -1} placeholders.
     */
    @Override
    public List<Point> toPoints() {
        Point.Builder point = Point.measurement("log_event")
                .tag("host", orUnknown(header.host()))
                .tag("level", orUnknown(header.level()))
                .tag("source", header.source().label())
                .tag("log_row", Long.toString(header.logRow()))
                .tag("subsystem", orUnknown(header.subsystem()))
                .tag("method", orUnknown(method))
                .tag("object_type", orUnknown(objectType))
                .tag("proxy_session_id", proxySessionId.isEmpty() ? "-1" : proxySessionId)
                .tag("session_id", sessionId.isEmpty() ? "-1" : sessionId)
                .tag("event_activity_source", activitySource())
                .tag("user_full", user.full())
                .tag("user_directory", user.directory())
                .tag("user_id", user.id())
                .tag("app_id", appId)
                .tag("app_name", appName)
                .tag("object_id", objectId)
                .field("app_id", appId)
                .time(time);
        addTime(point, "process_time", processTime);
        addTime(point, "work_time", workTime);
        addTime(point, "lock_time", lockTime);
        addTime(point, "validate_time", validateTime);
        addTime(point, "traverse_time", traverseTime);
        point.field("handle", (double) handle)
                .field("net_ram", (double) netRam)
                .field("peak_ram", (double) peakRam);
        for (EventCategory category : categories) {
            point.tag(category.name(), category.value());
        }
        point.tags(tags);
        point.field("raw_event", Json.write(butlerSosFields()));
        return List.of(point.build());
    }

    private static void addTime(Point.Builder point, String name, double value) {
        if (Double.isFinite(value)) {
            point.field(name, value);
        }
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }
}
