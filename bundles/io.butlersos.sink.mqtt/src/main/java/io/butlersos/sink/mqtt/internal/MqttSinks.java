package io.butlersos.sink.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.tls.TlsContextProvider;
import io.butlersos.api.tls.TlsOptions;
import io.butlersos.api.tls.TlsUnavailableException;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds an {@link MqttSink} from its configuration; a bad value fails here, naming its key. */
final class MqttSinks {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSinks.class);

    private MqttSinks() {
    }

    /**
     * @param tls finds a certificate set by name
     * @param publisher where error signals go, or a supplier of null
     * @param hostName this machine's name, for the default client id
     */
    static MqttSink create(MqttConfig config, Function<String, Optional<TlsContextProvider>> tls,
            Supplier<SignalPublisher> publisher, String hostName) {
        String name = config.butlersos_sink_name();
        List<String> urls = BrokerUrls.parse(ConfigLists.of(config.broker_urls()).toArray(new String[0]));
        String target = String.join(", ", urls);
        TopicSettings topics = TopicSettings.of(config);
        MessageMapper mapper = switch (config.layout().trim()) {
            case MqttConfig.LAYOUT_BUTLER_SOS -> new ButlerSosLayout(topics);
            case MqttConfig.LAYOUT_JSON -> new JsonLayout(topics.jsonBaseTopic());
            default -> throw new IllegalArgumentException("layout must be butler-sos or json, not '" + config.layout() + "'");
        };
        DeliveryRules rules = new DeliveryRules(config.qos(), ConfigLists.of(config.qos_by_type()),
                ConfigLists.of(config.retain_types()));
        if (config.publish_timeout_ms() < 1) {
            throw new IllegalArgumentException("publish.timeout.ms must be at least 1");
        }
        if (config.max_inflight() < 1) {
            throw new IllegalArgumentException("max.inflight must be at least 1");
        }
        String clientId = config.client_id().isBlank() ? "butler-sos-" + hostName + "-" + name : config.client_id().trim();
        String statusTopic = config.status_topic().isBlank()
                ? topics.baseTopic() + "_agent/" + Topics.level(clientId) + "/status"
                : Topics.checkConfigured("status.topic", config.status_topic());
        BrokerConnection.OptionsFactory options = optionsFactory(config, urls, statusTopic, tls);
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(urls.get(0), clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("broker.urls '" + urls.get(0) + "' cannot be used: " + e.getMessage(), e);
        }
        long connectWaitMs = config.connect_timeout_s() * 1000L * urls.size() + 5_000;
        BrokerConnection connection = new BrokerConnection(name, client, options, statusTopic, connectWaitMs,
                new ReconnectBackoff(config.reconnect_initial_ms(), config.reconnect_max_ms()));
        ErrorReporter errors = new ErrorReporter(publisher, Clock.systemUTC(), hostName, target);
        return new MqttSink(name, target, mapper, rules, connection, errors, config.publish_timeout_ms(),
                config.max_inflight());
    }

    private static BrokerConnection.OptionsFactory optionsFactory(MqttConfig config, List<String> urls,
            String statusTopic, Function<String, Optional<TlsContextProvider>> tls) {
        String username = config.username().trim();
        char[] password = config._password().toCharArray();
        if (password.length > 0 && username.isEmpty()) {
            throw new IllegalArgumentException("password is set but username is empty; MQTT sends a password only with a user name");
        }
        if (config.connect_timeout_s() < 1 || config.keepalive_s() < 0) {
            throw new IllegalArgumentException("connect.timeout.s must be at least 1 and keepalive.s at least 0");
        }
        boolean secure = urls.stream().anyMatch(BrokerUrls::isSecure);
        TlsSource tlsSource = tlsSource(config, secure, tls);
        String[] serverUris = urls.toArray(new String[0]);
        boolean hostnameCheck = config.verify_server() && config.verify_hostname();
        return new BrokerConnection.OptionsFactory() {
            @Override
            public long tlsGeneration() {
                return tlsSource == null ? 0 : tlsSource.generation();
            }

            @Override
            public MqttConnectOptions create() throws TlsUnavailableException {
                return connectOptions(config, serverUris, username, password, statusTopic, tlsSource, hostnameCheck);
            }
        };
    }

    private static MqttConnectOptions connectOptions(MqttConfig config, String[] serverUris, String username,
            char[] password, String statusTopic, TlsSource tlsSource, boolean hostnameCheck)
            throws TlsUnavailableException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setServerURIs(serverUris);
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(config.connect_timeout_s());
        o.setKeepAliveInterval(config.keepalive_s());
        o.setMaxInflight(config.max_inflight());
        if (!username.isEmpty()) {
            o.setUserName(username);
        }
        if (password.length > 0) {
            o.setPassword(password.clone());
        }
        o.setWill(statusTopic, BrokerConnection.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
        if (tlsSource != null) {
            o.setSocketFactory(tlsSource.socketFactory());
            o.setHttpsHostnameVerificationEnabled(hostnameCheck);
        }
        return o;
    }

    private static TlsSource tlsSource(MqttConfig config, boolean secure,
            Function<String, Optional<TlsContextProvider>> tls) {
        String set = config.certificate_set().trim();
        String caFile = config.ca_file().trim();
        if (!secure) {
            if (!set.isEmpty() || !caFile.isEmpty()) {
                LOG.warn("MQTT sink '{}': certificate.set/ca.file are ignored, since no broker URL is ssl:// or wss://",
                        config.butlersos_sink_name());
            }
            return null;
        }
        if (!config.verify_server()) {
            LOG.warn("MQTT sink '{}': verify.server=false, so any broker certificate is accepted; use this only on a test rig",
                    config.butlersos_sink_name());
        } else if (!config.verify_hostname()) {
            LOG.warn("MQTT sink '{}': verify.hostname=false, so a certificate for another host is accepted",
                    config.butlersos_sink_name());
        }
        if (!set.isEmpty()) {
            return TlsSource.certificateSet(set, tls, new TlsOptions(config.verify_server(), config.verify_hostname()));
        }
        if (!caFile.isEmpty()) {
            return TlsSource.caFile(Path.of(caFile).toAbsolutePath(), config.verify_server());
        }
        return TlsSource.jvmDefault(config.verify_server());
    }
}
