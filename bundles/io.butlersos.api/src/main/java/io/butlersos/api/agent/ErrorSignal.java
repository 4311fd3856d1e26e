package io.butlersos.api.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * One failure of one component: a poll that failed, a write a sink could not make. Rendered as
 * Butler SOS's {@code butler_sos_errors} point, one per error.
 *
 * @param time when it failed
 * @param origin the agent instance
 * @param errorType what was being done, in Butler SOS's words: {@code HEALTH_API}, {@code PROXY_API},
 *        {@code APP_NAMES_EXTRACT}, {@code INFLUXDB_V1_WRITE}, {@code MQTT_PUBLISH}, ...
 * @param serverName the Sense server concerned, or empty
 * @param module the part of the agent, e.g. {@code HEALTH_METRICS}, {@code PROXY_SESSIONS}; may be empty
 * @param category why, see {@link ErrorCategory}
 * @param message one sentence for people; never contains a secret
 * @param requestUrl the URL without its query string, or empty
 * @param httpStatus the HTTP status, or 0
 * @param tags more tags: {@code host}, {@code virtual_proxy}, {@code destination_host}
 */
public record ErrorSignal(
        Instant time,
        String origin,
        String errorType,
        String serverName,
        String module,
        ErrorCategory category,
        String message,
        String requestUrl,
        int httpStatus,
        Map<String, String> tags) implements Signal {

    /** The signal type of errors. */
    public static final String TYPE = "agent.error";

    public ErrorSignal {
        tags = Map.copyOf(tags);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Point> toPoints() {
        Point.Builder point = Point.measurement("butler_sos_errors")
                .tags(tags)
                .tag("error_type", errorType)
                .tag("server_name", serverName)
                .tag("module", module)
                .field("error_category", category.label())
                .field("error_count", 1L)
                .field("error_message", message)
                .time(time);
        if (requestUrl != null && !requestUrl.isEmpty()) {
            point.field("request_url", requestUrl);
        }
        if (httpStatus > 0) {
            point.field("http_status", (long) httpStatus);
        }
        return List.of(point.build());
    }
}
