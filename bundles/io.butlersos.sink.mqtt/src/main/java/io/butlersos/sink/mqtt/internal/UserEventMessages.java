package io.butlersos.sink.mqtt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.butlersos.api.events.UserEvent;
import io.butlersos.api.json.Json;

/**
 * User events as Butler SOS published them: the same JSON payload to the everything topic and to the
 * topic of the event's command (exact match), each only when configured.
 */
final class UserEventMessages {

    private final String everythingTopic;
    private final Map<String, String> commandTopics;

    UserEventMessages(String everythingTopic, Map<String, String> commandTopics) {
        this.everythingTopic = everythingTopic;
        this.commandTopics = commandTopics;
    }

    List<OutgoingMessage> map(UserEvent event) {
        String payload = Json.write(payload(event));
        List<OutgoingMessage> out = new ArrayList<>(2);
        if (!everythingTopic.isEmpty()) {
            out.add(new OutgoingMessage(everythingTopic, payload));
        }
        String commandTopic = commandTopics.getOrDefault(event.command(), "");
        if (!commandTopic.isEmpty()) {
            out.add(new OutgoingMessage(commandTopic, payload));
        }
        return out;
    }

    /** Butler SOS's keys in its order: {@code tags} follows {@code message}, the optional keys come last. */
    static Map<String, Object> payload(UserEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : event.mqttPayload().entrySet()) {
            out.put(entry.getKey(), entry.getValue());
            if (entry.getKey().equals("message")) {
                out.put("tags", new TreeMap<>(event.tags()));
            }
        }
        out.putIfAbsent("tags", new TreeMap<>(event.tags()));
        return out;
    }
}
