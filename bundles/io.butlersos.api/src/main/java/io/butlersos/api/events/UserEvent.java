package io.butlersos.api.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * A session start/stop or connection open/close of a user, as the Sense proxy's audit appenders send it
 * to port 9997. Rendered as Butler SOS's {@code user_events} point. The wire format carries no
 * timestamp, so the time is when the datagram arrived.
 *
 * @param time when the datagram arrived
 * @param tags configured tags ({@code userEvents.tags})
 * @param messageType {@code qseow-proxy-session} or {@code qseow-proxy-connection}
 * @param host the Sense node
 * @param command {@code Start session}, {@code Stop session}, {@code Open connection} or {@code Close connection}
 * @param user the user
 * @param commandOrigin {@code %property{Origin}}, e.g. {@code AppAccess} (Butler SOS: {@code origin})
 * @param context e.g. {@code /app/<guid>?reloaduri=...} or {@code /hub/}
 * @param message the message, which may end in {@code UserAgent: '...'}
 * @param appId the app GUID from the context, or empty
 * @param appName the app's name, {@code <unknown app name>} when the directory does not know it, empty without app id
 * @param userAgent browser and OS from the message's user agent
 */
public record UserEvent(
        Instant time,
        Map<String, String> tags,
        String messageType,
        String host,
        String command,
        SenseUser user,
        String commandOrigin,
        String context,
        String message,
        String appId,
        String appName,
        UserAgentInfo userAgent) implements Signal {

    /** The signal type of user events. */
    public static final String TYPE = "event.user";

    public UserEvent {
        tags = Map.copyOf(tags);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The Sense node whose proxy saw it. */
    @Override
    public String origin() {
        return host;
    }

    /**
     * The MQTT payload of Butler SOS (its keys and order) without {@code tags}, which the sink adds.
     * Optional keys are left out when empty.
     */
    public Map<String, Object> mqttPayload() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messageType", messageType);
        out.put("host", host);
        out.put("command", command);
        out.put("userDir", user.directory());
        out.put("userId", user.id());
        out.put("origin", commandOrigin);
        out.put("context", context);
        out.put("message", message);
        putIfPresent(out, "appId", appId);
        putIfPresent(out, "appName", appName);
        putIfPresent(out, "uaBrowserName", userAgent.browserName());
        putIfPresent(out, "uaBrowserMajorVersion", userAgent.browserMajorVersion());
        putIfPresent(out, "uaOsName", userAgent.osName());
        putIfPresent(out, "uaOsVersion", userAgent.osVersion());
        return out;
    }

    /**
     * The attributes of Butler SOS's New Relic {@code qs_userEvent}, configured tags included.
     * Scrambling of the user attributes, if configured, is the sink's job.
     */
    public Map<String, Object> newRelicAttributes() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamp", time.toEpochMilli());
        out.put("qs_host", host);
        out.put("qs_event_action", command);
        out.put("qs_userFull", user.directory() + '\\' + user.id());
        out.put("qs_userDirectory", user.directory());
        out.put("qs_userId", user.id());
        out.put("qs_origin", commandOrigin);
        putIfPresent(out, "qs_appId", appId);
        putIfPresent(out, "qs_appName", appName);
        putIfPresent(out, "qs_uaBrowserName", userAgent.browserName());
        putIfPresent(out, "qs_uaBrowserMajorVersion", userAgent.browserMajorVersion());
        putIfPresent(out, "qs_uaOsName", userAgent.osName());
        putIfPresent(out, "qs_uaOsVersion", userAgent.osVersion());
        tags.forEach(out::put);
        return out;
    }

    /**
     * The {@code user_events} point with Butler SOS's v1 tags and fields; none when host, command,
     * user directory, user id or origin is empty (Butler SOS skips those too).
     */
    @Override
    public List<Point> toPoints() {
        if (host.isEmpty() || command.isEmpty() || user.directory().isEmpty() || user.id().isEmpty()
                || commandOrigin.isEmpty()) {
            return List.of();
        }
        String full = user.directory() + '\\' + user.id();
        Point.Builder point = Point.measurement("user_events")
                .tag("host", host)
                .tag("event_action", command)
                .tag("userFull", full)
                .tag("userDirectory", user.directory())
                .tag("userId", user.id())
                .tag("origin", commandOrigin)
                .tag("appId", appId)
                .tag("appName", appName)
                .tag("uaBrowserName", userAgent.browserName())
                .tag("uaBrowserMajorVersion", userAgent.browserMajorVersion())
                .tag("uaOsName", userAgent.osName())
                .tag("uaOsVersion", userAgent.osVersion())
                .tags(tags)
                .field("userFull", full)
                .field("userId", user.id())
                .time(time);
        if (!appId.isEmpty()) {
            point.field("appId", appId);
        }
        if (!appName.isEmpty()) {
            point.field("appName", appName);
        }
        return List.of(point.build());
    }

    private static void putIfPresent(Map<String, Object> out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(key, value);
        }
    }
}
