package io.butlersos.sink.mqtt.internal;

import java.util.Map;

/**
 * The topics of one sink, read and checked from its configuration. Empty user-event topics are off.
 *
 * @param baseTopic prefix of health and session topics, ending in {@code /}
 * @param healthByServerName whether health topics are keyed by server name instead of host
 * @param userEventsTopic the everything topic of user events, or empty
 * @param userEventCommandTopics the topic per user-event command, e.g. {@code Start session}; absent or empty: none
 * @param logEventsTopic base topic of log and QIX performance events, without trailing {@code /}
 * @param logEventsToBaseTopic whether log events go to the base topic
 * @param logEventsToSubsystemTopics whether log events go to the subsystem topics
 * @param jsonBaseTopic prefix of the JSON topics, ending in {@code /}
 */
record TopicSettings(
        String baseTopic,
        boolean healthByServerName,
        String userEventsTopic,
        Map<String, String> userEventCommandTopics,
        String logEventsTopic,
        boolean logEventsToBaseTopic,
        boolean logEventsToSubsystemTopics,
        String jsonBaseTopic) {

    TopicSettings {
        userEventCommandTopics = Map.copyOf(userEventCommandTopics);
    }

    static TopicSettings of(MqttConfig config) {
        String healthKey = config.health_topic_key().trim();
        if (!healthKey.equals("host") && !healthKey.equals("server_name")) {
            throw new IllegalArgumentException("health.topic.key must be host or server_name, not '" + healthKey + "'");
        }
        String logTopic = Topics.checkConfigured("log.events.topic", config.log_events_topic());
        while (logTopic.endsWith("/")) {
            logTopic = logTopic.substring(0, logTopic.length() - 1);
        }
        return new TopicSettings(
                Topics.prefix(Topics.checkConfigured("base.topic", config.base_topic())),
                healthKey.equals("server_name"),
                Topics.checkConfigured("user.events.topic", config.user_events_topic()),
                Map.of("Start session", Topics.checkConfigured("user.events.session.start.topic",
                                config.user_events_session_start_topic()),
                        "Stop session", Topics.checkConfigured("user.events.session.stop.topic",
                                config.user_events_session_stop_topic()),
                        "Open connection", Topics.checkConfigured("user.events.connection.open.topic",
                                config.user_events_connection_open_topic()),
                        "Close connection", Topics.checkConfigured("user.events.connection.close.topic",
                                config.user_events_connection_close_topic())),
                logTopic,
                config.log_events_post_to_base_topic(),
                config.log_events_subsystem_topics(),
                Topics.prefix(Topics.checkConfigured("json.base.topic", config.json_base_topic())));
    }
}
