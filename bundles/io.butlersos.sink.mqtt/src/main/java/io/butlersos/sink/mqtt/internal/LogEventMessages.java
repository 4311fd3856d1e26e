package io.butlersos.sink.mqtt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.butlersos.api.json.Json;

/**
 * Log and QIX performance events as Butler SOS published them: the message object plus {@code tags},
 * to the base topic and to {@code <base>/<subsystem split at dots, lower case>}, each when configured.
 * Subsystem parts are sanitised, so {@code +} or {@code #} in a logger name cannot break the publish.
 */
final class LogEventMessages {

    private final String baseTopic;
    private final boolean toBase;
    private final boolean toSubsystem;

    LogEventMessages(String baseTopic, boolean toBase, boolean toSubsystem) {
        this.baseTopic = baseTopic;
        this.toBase = toBase;
        this.toSubsystem = toSubsystem;
    }

    List<OutgoingMessage> map(Map<String, Object> butlerSosFields, Map<String, String> tags, String subsystem) {
        Map<String, Object> body = new LinkedHashMap<>(butlerSosFields);
        body.put("tags", new TreeMap<>(tags));
        String payload = Json.write(body);
        List<OutgoingMessage> out = new ArrayList<>(2);
        if (toBase) {
            out.add(new OutgoingMessage(baseTopic, payload));
        }
        if (toSubsystem) {
            out.add(new OutgoingMessage(subsystemTopic(subsystem), payload));
        }
        return out;
    }

    String subsystemTopic(String subsystem) {
        StringBuilder topic = new StringBuilder(baseTopic);
        for (String part : (subsystem == null ? "" : subsystem).split("\\.", -1)) {
            topic.append('/').append(Topics.level(part.toLowerCase(Locale.ROOT)));
        }
        return topic.toString();
    }
}
