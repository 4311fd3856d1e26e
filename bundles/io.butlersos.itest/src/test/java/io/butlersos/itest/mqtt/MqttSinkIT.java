package io.butlersos.itest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.events.SenseUser;
import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.api.events.UserEvent;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sink.DeliveryMonitor;
import io.butlersos.api.sink.Sink;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** A factory configuration of the MQTT sink makes published signals arrive at a real mosquitto. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class MqttSinkIT {

    record Message(String topic, String payload) {
    }

    @InjectBundleContext
    BundleContext context;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    DeliveryMonitor monitor;

    @InjectService
    ConfigurationAdmin admin;

    @Test
    void aFactoryConfigurationPublishesSignalsToMosquitto() throws Exception {
        CoreSettings.fast(admin);
        try (Mosquitto broker = Mosquitto.start()) {
            List<Message> received = new CopyOnWriteArrayList<>();
            MqttClient subscriber = new MqttClient(broker.url(), "itest-subscriber", new MemoryPersistence());
            subscriber.connect();
            subscriber.subscribe("#", 1, (topic, message) ->
                    received.add(new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8))));

            Configuration config = admin.getFactoryConfiguration("io.butlersos.sink.mqtt", "itest", "?");
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("broker.urls", new String[] {broker.url()});
            props.put("client.id", "itest-agent");
            props.put("username", "agent");
            props.put(".password", "do-not-publish-me");
            props.put("butlersos.sink.name", "itest-mqtt");
            config.update(props);
            try {
                Await.until("the core serves the MQTT sink", () -> monitor.sinks().stream()
                        .anyMatch(s -> s.sinkName().equals("itest-mqtt") && s.attached()));
                Collection<ServiceReference<Sink>> refs = context.getServiceReferences(Sink.class,
                        "(" + Sink.NAME + "=itest-mqtt)");
                for (String key : refs.iterator().next().getPropertyKeys()) {
                    assertFalse(String.valueOf(refs.iterator().next().getProperty(key)).contains("do-not-publish-me"),
                            "the password is no service property: " + key);
                }
                Await.until("the agent announces itself online", () -> received.contains(
                        new Message("butler-sos/_agent/itest-agent/status", "online")));

                Instant now = Instant.now();
                publisher.publish(new HealthSample(now, "sense1", Map.of("host", "sense1.lab"), "", "14.173.4", null,
                        null, null, 12.5, new ActiveTotal(3L, 4L), null, null, null, Boolean.TRUE));
                publisher.publish(new UserEvent(now, Map.of("qs_env", "itest"), "qseow-proxy-session", "sense1.lab",
                        "Start session", new SenseUser("LAB", "anna-mqtt", "LAB\\anna-mqtt"), "AppAccess", "/hub", "hi", "", "",
                        UserAgentInfo.NONE));

                Await.until("the health values and the user event arrive at mosquitto", () ->
                        received.contains(new Message("butler-sos/sense1.lab/cpu/total", "12.5"))
                        && received.contains(new Message("butler-sos/sense1.lab/saturated", "true"))
                        && received.stream().anyMatch(m -> m.topic().equals("qliksense/userevent/session/start")
                                && m.payload().contains("\"userId\":\"anna-mqtt\"")));
                // Only this test's user: the core's start-up replay may hand the new sink user events other tests published.
                assertEquals(1, received.stream().filter(m -> m.topic().equals("qliksense/userevent")
                        && m.payload().contains("\"userId\":\"anna-mqtt\"")).count());
            } finally {
                config.delete();
            }
            Await.until("deleting the configuration stops the sink, which says offline", () -> received.contains(
                    new Message("butler-sos/_agent/itest-agent/status", "offline")));
            subscriber.disconnect();
            subscriber.close();
        }
    }
}
