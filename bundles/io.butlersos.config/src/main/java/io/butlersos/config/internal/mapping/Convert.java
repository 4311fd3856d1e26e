package io.butlersos.config.internal.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.butlersos.config.internal.schema.Schedule;

/** Turns a checked YAML value into the Config Admin property value an OCD attribute expects. */
@FunctionalInterface
public interface Convert {

    /** The property value, or null to leave the attribute unset. */
    Object apply(Object value);

    Convert AS_IS = value -> value;

    /** Butler SOS writes intervals in milliseconds where the Java components take seconds (rounded up). */
    Convert MS_TO_SECONDS = value -> Math.max(1, ((Long) value + 999) / 1000);

    /** "every 15 minutes" becomes 900. */
    Convert SCHEDULE_SECONDS = value -> Schedule.seconds((String) value).orElseThrow();

    /** Butler SOS (winston) levels become slf4j levels. */
    Convert LOG_LEVEL = value -> switch ((String) value) {
        case "verbose" -> "debug";
        case "silly" -> "trace";
        default -> value;
    };

    /** Butler SOS (winston) levels become the logging bundle's root level. */
    Convert ROOT_LEVEL = value -> switch ((String) value) {
        case "verbose" -> "DEBUG";
        case "silly" -> "TRACE";
        default -> ((String) value).toUpperCase(java.util.Locale.ROOT);
    };

    /**
     * Butler SOS's log folder. Its default, {@code log}, stands for "the agent's own log folder" and is not
     * written: the agent's folder ({@code logs/}, or the framework property butlersos.log.dir) is the one the
     * service units and the container let it write. Any other folder is used as given (relative to the folder
     * the agent starts in, as in Butler SOS).
     */
    Convert LOG_DIRECTORY = value -> {
        String dir = ((String) value).trim();
        return dir.isEmpty() || dir.equals("log") || dir.equals("./log") ? null : dir;
    };

    /** A list of text becomes a String[]. */
    Convert STRINGS = value -> ((List<?>) value).stream().map(String::valueOf).toArray(String[]::new);

    /** Butler SOS tags and categories, {@code - name: x / value: y}, become {@code x=y}. */
    Convert NAME_VALUES = value -> ((List<?>) value).stream()
            .map(item -> ((Map<?, ?>) item).get("name") + "=" + ((Map<?, ?>) item).get("value"))
            .toArray(String[]::new);

    /** {@code - directory: D / userId: u} becomes {@code D\\u}. */
    Convert USERS = value -> ((List<?>) value).stream()
            .map(item -> ((Map<?, ?>) item).get("directory") + "\\" + ((Map<?, ?>) item).get("userId"))
            .toArray(String[]::new);

    /** {@code - virtualProxy: hdr} becomes {@code /hdr}: the leading slash Butler SOS forgot to add (its bug 16). */
    Convert VIRTUAL_PROXIES = value -> ((List<?>) value).stream()
            .map(item -> String.valueOf(((Map<?, ?>) item).get("virtualProxy")).trim())
            .map(vp -> vp.startsWith("/") ? vp : "/" + vp)
            .toArray(String[]::new);

    /** Butler SOS header lists, {@code - name: X / value: y}, become {@code X: y}. */
    Convert NAME_VALUE_HEADERS = value -> ((List<?>) value).stream()
            .map(item -> ((Map<?, ?>) item).get("name") + ": " + ((Map<?, ?>) item).get("value"))
            .toArray(String[]::new);

    /** Butler SOS's Event API base URL becomes the sink's full URL (it posts to {@code <url>/v1/accounts/<id>/events}). */
    Convert NEW_RELIC_EVENT_URL = value -> ((String) value).trim().replaceAll("/+$", "") + "/v1/accounts/{accountId}/events";

    /** A serverTags map becomes {@code name=value} entries. */
    Convert TAG_MAP = value -> ((Map<?, ?>) value).entrySet().stream()
            .map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : e.getValue())).toArray(String[]::new);

    /** A headers map becomes {@code Name: value} entries. */
    Convert HEADER_MAP = value -> ((Map<?, ?>) value).entrySet().stream()
            .map(e -> e.getKey() + ": " + (e.getValue() == null ? "" : e.getValue())).toArray(String[]::new);

    /** {@code - appId: a / appName: n} becomes {@code a|n}, {@code a} or {@code n}. */
    Convert APP_REFS = value -> {
        List<String> refs = new ArrayList<>();
        for (Object item : (List<?>) value) {
            Object id = ((Map<?, ?>) item).get("appId");
            Object name = ((Map<?, ?>) item).get("appName");
            if (id != null && name != null) {
                refs.add(id + "|" + name);
            } else if (id != null || name != null) {
                refs.add(String.valueOf(id != null ? id : name));
            }
        }
        return refs.toArray(String[]::new);
    };
}
