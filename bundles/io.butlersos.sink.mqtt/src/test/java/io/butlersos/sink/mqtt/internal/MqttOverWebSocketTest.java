package io.butlersos.sink.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.tls.TlsContextProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ws:// and wss:// broker URLs against the real mosquitto, through {@link WebSocketBridge} (Debian's
 * mosquitto has no websockets listener). A plain TCP subscriber on mosquitto must receive exactly the
 * topics and payloads the sink published over the WebSocket.
 */
class MqttOverWebSocketTest {

    @TempDir
    Path dir;

    private final Closer toClose = new Closer();
    private final List<Signal> published = new CopyOnWriteArrayList<>();
    private final SignalPublisher publisher = published::add;

    @BeforeAll
    static void needsMosquitto() {
        MosquittoBroker.binary();
    }

    @AfterEach
    void closeAll() throws Exception {
        toClose.close();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        return toClose.add(resource);
    }

    private MqttSink sink(Map<String, TlsContextProvider> sets, Object... overrides) {
        return BrokerSinks.start(toClose, publisher, sets, overrides);
    }

    private static void awaitConnected(MqttSink sink) throws InterruptedException {
        MqttSinkBrokerTest.await("the sink connects (last problem: " + sink.problem() + ")", 15, sink::isConnected);
    }

    /** Publishes one of each Butler SOS message family and waits until the TCP subscriber has every message. */
    private void publishAndExpectExactly(MqttSink sink, Subscriber subscriber) throws Exception {
        List<Signal> batch = List.of(Samples.health("Sense 1", "sense1.lab"), Samples.sessions("/hdr"),
                Samples.userEvent("Start session", "hello"), Samples.logEvent("Proxy.Audit.Login", "denied"));
        sink.write(batch);

        ButlerSosLayout layout = new ButlerSosLayout(TopicSettings.of(Configs.mqtt()));
        List<OutgoingMessage> expected = batch.stream().flatMap(s -> layout.map(s).stream()).toList();
        assertThat(expected).hasSize(22 + 1 + 2 + 2);
        subscriber.await("every message, topic and payload exact", 10, got -> expected.stream().allMatch(
                m -> got.stream().anyMatch(r -> r.topic().equals(m.topic()) && r.payload().equals(m.payload()))));
        for (OutgoingMessage m : expected) {
            assertThat(subscriber.on(m.topic())).as(m.topic()).extracting(Subscriber.Received::payload)
                    .containsExactly(m.payload());
        }
        assertThat(subscriber.on("butler-sos/sense1.lab/mem/comitted")).singleElement()
                .satisfies(r -> assertThat(r.payload()).isEqualTo("1234.5625"));
        assertThat(published).isEmpty();
    }

    private static void assertSpokeWebSocket(WebSocketBridge bridge, String clientCertificate) {
        assertThat(bridge.upgrades).isNotEmpty().allSatisfy(u -> {
            assertThat(u.path()).isEqualTo("/mqtt");
            assertThat(u.subprotocols()).isEqualTo("mqtt"); // MQTT 3.1.1 §6: the client offers "mqtt"
            assertThat(u.clientCertificate()).isEqualTo(clientCertificate);
        });
        assertThat(bridge.clientFrames.get()).isPositive();
        assertThat(bridge.unmaskedClientFrames.get()).as("client frames are masked (RFC 6455 §5.1)").isZero();
    }

    @Test
    void theBridgeAnswersTheHandshakeOfRfc6455() {
        // RFC 6455 §1.3's example key and accept value: the bridge is a correct WebSocket server.
        assertThat(WebSocketBridge.accept("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void publishesOverWsAndATcpSubscriberGetsTheExactTopicsAndPayloads() throws Exception {
        MosquittoBroker broker = closing(MosquittoBroker.start(dir));
        WebSocketBridge bridge = closing(WebSocketBridge.plain(broker.port(), "/mqtt"));
        Subscriber subscriber = closing(Subscriber.connect(broker.url("tcp"), "#"));

        MqttSink sink = sink(Map.of(), "broker_urls", new String[] {bridge.url("ws")});
        awaitConnected(sink);
        publishAndExpectExactly(sink, subscriber);

        assertSpokeWebSocket(bridge, "");
        assertThat(subscriber.on("butler-sos/_agent/butler-sos-testhost-mqtt/status"))
                .extracting(Subscriber.Received::payload).contains("online");
    }

    @Test
    void aWsPathTheServerDoesNotServeIsNamedAndNotConnected() throws Exception {
        MosquittoBroker broker = closing(MosquittoBroker.start(dir));
        WebSocketBridge bridge = closing(WebSocketBridge.plain(broker.port(), "/mqtt"));
        String wrong = bridge.url("ws").replace("/mqtt", "/ws");

        MqttSink sink = sink(Map.of(), "broker_urls", new String[] {wrong}, "connect_timeout_s", 2);
        MqttSinkBrokerTest.await("the refused upgrade is reported (last problem: " + sink.problem() + ")", 10,
                () -> !bridge.refused.isEmpty() && sink.problem().contains(wrong));
        assertThat(bridge.refused).first().asString().startsWith("GET /ws ");
        assertThat(sink.problem()).contains("did not accept a WebSocket upgrade", "check the path");
        assertThat(sink.isConnected()).isFalse();
    }

    @Test
    void publishesOverWssWithTheCaFileVerifyingTheServer() throws Exception {
        MosquittoBroker broker = closing(MosquittoBroker.start(dir));
        TestPki pki = new TestPki("WebSocket CA", List.of("127.0.0.1")).writeTo(dir);
        WebSocketBridge bridge = closing(WebSocketBridge.tls(broker.port(), "/mqtt", pki.serverContext(), false));
        Subscriber subscriber = closing(Subscriber.connect(broker.url("tcp"), "#"));

        MqttSink sink = sink(Map.of(), "broker_urls", new String[] {bridge.url("wss")},
                "ca_file", dir.resolve("ca.pem").toString());
        awaitConnected(sink);
        publishAndExpectExactly(sink, subscriber);

        assertSpokeWebSocket(bridge, "");
    }

    @Test
    void wssWithACertificateSetPresentsTheClientCertificate() throws Exception {
        MosquittoBroker broker = closing(MosquittoBroker.start(dir));
        TestPki pki = new TestPki("WebSocket CA", List.of("127.0.0.1")).writeTo(dir);
        WebSocketBridge bridge = closing(WebSocketBridge.tls(broker.port(), "/mqtt", pki.serverContext(), true));
        Subscriber subscriber = closing(Subscriber.connect(broker.url("tcp"), "#"));

        MqttSink sink = sink(Map.of("mqtt", MqttSinkBrokerTest.provider("mqtt", pki.clientContext())),
                "broker_urls", new String[] {bridge.url("wss")}, "certificate_set", "mqtt");
        awaitConnected(sink);
        publishAndExpectExactly(sink, subscriber);

        assertSpokeWebSocket(bridge, "CN=butler-sos-agent");
    }

    @Test
    void wssRefusesACertificateOfAnotherCaOrForAnotherHost() throws Exception {
        MosquittoBroker broker = closing(MosquittoBroker.start(dir));
        TestPki pki = new TestPki("WebSocket CA", List.of("other.example")).writeTo(dir);
        WebSocketBridge bridge = closing(WebSocketBridge.tls(broker.port(), "/mqtt", pki.serverContext(), false));
        Path strangerDir = Files.createDirectories(dir.resolve("stranger"));
        new TestPki("Stranger CA", List.of("127.0.0.1")).writeTo(strangerDir);

        MqttSink wrongCa = sink(Map.of(), "broker_urls", new String[] {bridge.url("wss")},
                "ca_file", strangerDir.resolve("ca.pem").toString(), "client_id", "wrong-ca");
        MqttSinkBrokerTest.await("a certificate of an unknown CA is refused (" + wrongCa.problem() + ")", 10,
                () -> wrongCa.problem().contains("TLS handshake failed"));

        MqttSink wrongHost = sink(Map.of(), "broker_urls", new String[] {bridge.url("wss")},
                "ca_file", dir.resolve("ca.pem").toString(), "client_id", "wrong-host");
        MqttSinkBrokerTest.await("a certificate for another host is refused (" + wrongHost.problem() + ")", 10,
                () -> wrongHost.problem().contains("TLS handshake failed"));
        assertThat(wrongCa.isConnected()).isFalse();
        assertThat(wrongHost.isConnected()).isFalse();
        assertThat(bridge.upgrades).isEmpty();

        MqttSink hostCheckOff = sink(Map.of(), "broker_urls", new String[] {bridge.url("wss")},
                "ca_file", dir.resolve("ca.pem").toString(), "verify_hostname", false, "client_id", "host-off");
        awaitConnected(hostCheckOff);
    }
}
