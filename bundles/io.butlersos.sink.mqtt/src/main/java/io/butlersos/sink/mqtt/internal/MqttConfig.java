package io.butlersos.sink.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One MQTT broker (or a fail-over list of brokers). Factory configuration {@code io.butlersos.sink.mqtt}:
 * one per broker, e.g. {@code config/io.butlersos.sink.mqtt-local.cfg}. Method names map to keys the DS
 * way: {@code client_id()} is the key {@code client.id}; the leading underscore of {@code _password()}
 * makes the key {@code .password}, private, so it never becomes a service property.
 */
@ObjectClassDefinition(name = "Butler SOS MQTT sink",
        description = "Publishes signals to an MQTT broker in Butler SOS's topic layout, or as JSON per signal type.")
public @interface MqttConfig {

    /** The factory PID operators configure. */
    String PID = "io.butlersos.sink.mqtt";

    /** The Butler SOS topic layout. */
    String LAYOUT_BUTLER_SOS = "butler-sos";
    /** One JSON topic per signal type. */
    String LAYOUT_JSON = "json";

    @AttributeDefinition(name = "Broker URLs", description = "tcp://host:1883, ssl://host:8883, ws://host:8080/mqtt "
            + "or wss://...; more than one is a fail-over list, tried in order (Butler SOS mqttConfig.brokerHost/brokerPort).")
    String[] broker_urls() default {"tcp://127.0.0.1:1883"};

    @AttributeDefinition(name = "Client id", required = false,
            description = "MQTT client id; empty: butler-sos-<host name>-<sink name>. Must be unique per broker.")
    String client_id() default "";

    @AttributeDefinition(name = "User name", required = false, description = "Empty connects without credentials.")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the user; never logged.")
    String _password() default "";

    @AttributeDefinition(name = "Certificate set", required = false, description = "Name of an io.butlersos.cert "
            + "certificate set: its client certificate is presented and its CA verifies the broker (ssl:// and wss://).")
    String certificate_set() default "";

    @AttributeDefinition(name = "CA file", required = false, description = "PEM file of the CAs that verify the broker "
            + "when no certificate set is named; empty trusts the JVM's CAs.")
    String ca_file() default "";

    @AttributeDefinition(name = "Verify broker", description = "Check that the broker's certificate chains to a "
            + "trusted CA. Switch off only for test rigs; it is logged as a warning.")
    boolean verify_server() default true;

    @AttributeDefinition(name = "Verify host name", description = "Check that the broker's certificate names the "
            + "host in the URL.")
    boolean verify_hostname() default true;

    @AttributeDefinition(name = "Topic layout", description = "butler-sos: Butler SOS's topics and payloads; "
            + "json: one topic per signal type with the whole signal as JSON.",
            options = {@Option(label = "Butler SOS topics", value = LAYOUT_BUTLER_SOS),
                @Option(label = "JSON per signal type", value = LAYOUT_JSON)})
    String layout() default LAYOUT_BUTLER_SOS;

    @AttributeDefinition(name = "Base topic", description = "Prefix of the health and session topics "
            + "(Butler SOS mqttConfig.baseTopic); a missing trailing / is added.")
    String base_topic() default "butler-sos/";

    @AttributeDefinition(name = "Health topic key", description = "Which name of the server follows the base topic: "
            + "host (Butler SOS; two servers on one host share topics) or server_name.",
            options = {@Option(label = "host name", value = "host"), @Option(label = "server name", value = "server_name")})
    String health_topic_key() default "host";

    @AttributeDefinition(name = "User events: everything topic", required = false,
            description = "Every user event (userEvents.sendToMQTT.postTo.everythingTopic.topic); empty: off.")
    String user_events_topic() default "qliksense/userevent";

    @AttributeDefinition(name = "User events: session start topic", required = false,
            description = "Command 'Start session' (postTo.sessionStartTopic.topic); empty: off.")
    String user_events_session_start_topic() default "qliksense/userevent/session/start";

    @AttributeDefinition(name = "User events: session stop topic", required = false,
            description = "Command 'Stop session' (postTo.sessionStopTopic.topic); empty: off.")
    String user_events_session_stop_topic() default "qliksense/userevent/session/stop";

    @AttributeDefinition(name = "User events: connection open topic", required = false,
            description = "Command 'Open connection' (postTo.connectionOpenTopic.topic); empty: off.")
    String user_events_connection_open_topic() default "qliksense/userevent/connection/open";

    @AttributeDefinition(name = "User events: connection close topic", required = false,
            description = "Command 'Close connection' (postTo.connectionCloseTopic.topic); empty: off.")
    String user_events_connection_close_topic() default "qliksense/userevent/connection/close";

    @AttributeDefinition(name = "Log events: base topic", description = "Log and QIX performance events "
            + "(logEvents.sendToMQTT.baseTopic).")
    String log_events_topic() default "qliksense/logevent";

    @AttributeDefinition(name = "Log events: publish to base topic",
            description = "logEvents.sendToMQTT.postTo.baseTopic")
    boolean log_events_post_to_base_topic() default true;

    @AttributeDefinition(name = "Log events: subsystem topics", description = "Also publish to "
            + "<base topic>/<subsystem, lower case, one level per dot> (logEvents.sendToMQTT.postTo.subsystemTopics).")
    boolean log_events_subsystem_topics() default true;

    @AttributeDefinition(name = "JSON base topic", description = "Prefix of the JSON topics: <prefix><signal type>. "
            + "Used by the json layout, and by the butler-sos layout for types Butler SOS never published.")
    String json_base_topic() default "butler-sos/json/";

    @AttributeDefinition(name = "Status topic", required = false, description = "Retained online/offline status of "
            + "this agent; offline is the last will. Empty: <base topic>_agent/<client id>/status.")
    String status_topic() default "";

    @AttributeDefinition(name = "QoS", description = "Quality of service of every message, unless qos.by.type says "
            + "otherwise (Butler SOS: 0).", options = {@Option(label = "0: at most once", value = "0"),
                @Option(label = "1: at least once", value = "1"), @Option(label = "2: exactly once", value = "2")})
    int qos() default 1;

    @AttributeDefinition(name = "QoS by signal type", required = false,
            description = "type=qos entries, e.g. event.qix-perf=0 or sense.*=2; the first match wins.")
    String[] qos_by_type() default {};

    @AttributeDefinition(name = "Retained signal types", required = false,
            description = "Signal types published retained, e.g. sense.health or sense.*; Butler SOS retains nothing.")
    String[] retain_types() default {};

    @AttributeDefinition(name = "Publish timeout (ms)", min = "1",
            description = "How long one write waits for the broker to acknowledge all its messages.")
    long publish_timeout_ms() default 10_000;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1", description = "Deadline of one connection attempt.")
    int connect_timeout_s() default 10;

    @AttributeDefinition(name = "Keep-alive (s)", min = "0", description = "MQTT keep-alive interval; 0: off.")
    int keepalive_s() default 30;

    @AttributeDefinition(name = "Reconnect: first delay (ms)", min = "1",
            description = "Wait after a lost or failed connection; doubles per failure up to the maximum.")
    long reconnect_initial_ms() default 1_000;

    @AttributeDefinition(name = "Reconnect: longest delay (ms)", min = "1", description = "Cap of the reconnect delay.")
    long reconnect_max_ms() default 60_000;

    @AttributeDefinition(name = "Messages in flight", min = "1",
            description = "Most unacknowledged QoS 1/2 messages at once.")
    int max_inflight() default 1_000;

    @AttributeDefinition(name = "Sink name", description = "Name in logs and delivery counters.")
    String butlersos_sink_name() default "mqtt";

    @AttributeDefinition(name = "Signal types", description = "Signal types to publish: * for all, names such as "
            + "event.log, or prefixes such as sense.*.")
    String[] butlersos_sink_signal_types() default {"sense.health", "sense.sessions", "event.user", "event.log",
        "event.qix-perf"};

    @AttributeDefinition(name = "Batch size", min = "0", required = false, description = "0 or empty: the core's default.")
    int butlersos_sink_batch_size() default 0;

    @AttributeDefinition(name = "Linger (ms)", min = "0", required = false, description = "0 or empty: the core's default.")
    long butlersos_sink_linger_ms() default 0;

    @AttributeDefinition(name = "Buffer limit", min = "0", required = false, description = "0 or empty: the core's default.")
    int butlersos_sink_buffer_limit() default 0;
}
