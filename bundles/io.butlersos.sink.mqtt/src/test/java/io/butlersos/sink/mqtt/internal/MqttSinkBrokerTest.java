package io.butlersos.sink.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SSLContext;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sink.SinkException;
import io.butlersos.api.tls.CertificateInfo;
import io.butlersos.api.tls.TlsContextProvider;
import io.butlersos.api.tls.TlsOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a real mosquitto: plain, with credentials, with TLS, every signal type, status and will. */
class MqttSinkBrokerTest {

    @TempDir
    Path dir;

    private final Closer toClose = new Closer();
    final List<Signal> published = new CopyOnWriteArrayList<>();
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

    private MosquittoBroker broker(String... extraLines) throws Exception {
        return closing(MosquittoBroker.start(dir, extraLines));
    }

    MqttSink sink(Map<String, TlsContextProvider> sets, Object... overrides) {
        return BrokerSinks.start(toClose, publisher, sets, overrides);
    }

    MqttSink sink(Object... overrides) {
        return sink(Map.of(), overrides);
    }

    static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void awaitConnected(MqttSink sink) throws InterruptedException {
        await("the sink connects (last problem: " + sink.problem() + ")", 15, sink::isConnected);
    }

    private Subscriber subscriber(MosquittoBroker broker, String filter) throws Exception {
        return closing(Subscriber.connect(broker.url("tcp"), filter));
    }

    @Test
    void publishesEverySignalTypeInButlerSosTopicsAndPayloads() throws Exception {
        MosquittoBroker broker = broker();
        Subscriber everything = subscriber(broker, "#");
        MqttSink sink = sink("broker_urls", new String[] {broker.url("tcp")});
        awaitConnected(sink);
        List<Signal> batch = List.of(Samples.health("Sense 1", "sense1.lab"), Samples.sessions("/hdr"),
                Samples.userEvent("Start session", "hello"), Samples.logEvent("Proxy.Audit.Login", "denied"),
                Samples.qixPerf(), Samples.error());
        sink.write(batch);

        ButlerSosLayout layout = new ButlerSosLayout(TopicSettings.of(Configs.mqtt()));
        List<OutgoingMessage> expected = batch.stream().flatMap(s -> layout.map(s).stream()).toList();
        assertThat(expected).hasSize(22 + 1 + 2 + 2 + 2 + 1);
        everything.await("every expected message arrives", 10, got -> expected.stream().allMatch(
                m -> got.stream().anyMatch(r -> r.topic().equals(m.topic()) && r.payload().equals(m.payload()))));
        assertThat(everything.on("butler-sos/sense1.lab/mem/comitted")).singleElement()
                .satisfies(r -> assertThat(r.payload()).isEqualTo("1234.5625"));
        assertThat(everything.on("qliksense/userevent/session/start")).hasSize(1);
        assertThat(everything.on("qliksense/logevent/proxy/audit/login")).hasSize(1);
        assertThat(everything.on("butler-sos/json/agent.error")).hasSize(1);
        assertThat(everything.on("butler-sos/_agent/butler-sos-testhost-mqtt/status")).extracting(Subscriber.Received::payload)
                .contains("online");
        assertThat(published).isEmpty();
    }

    @Test
    void jsonLayoutWithQosAndRetainPerSignalType() throws Exception {
        MosquittoBroker broker = broker();
        Subscriber live = subscriber(broker, "bsos/#");
        MqttSink sink = sink("broker_urls", new String[] {broker.url("tcp")}, "layout", "json",
                "json_base_topic", "bsos", "qos_by_type", new String[] {"event.*=0"},
                "retain_types", new String[] {"sense.health"});
        awaitConnected(sink);
        sink.write(List.of(Samples.health("s1", "h1"), Samples.userEvent("Stop session", "bye")));
        live.await("both JSON topics", 10, got -> got.size() == 2);
        assertThat(live.on("bsos/sense.health")).singleElement().satisfies(r -> {
            assertThat(r.qos()).isEqualTo(1);
            assertThat(r.payload()).startsWith("{\"type\":\"sense.health\"").contains("\"origin\":\"s1\"");
        });
        assertThat(live.on("bsos/event.user")).singleElement().satisfies(r -> assertThat(r.qos()).isZero());

        Subscriber late = subscriber(broker, "bsos/#");
        late.await("the retained health sample", 10, got -> !got.isEmpty());
        assertThat(late.received).extracting(Subscriber.Received::topic, Subscriber.Received::retained)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bsos/sense.health", true));
    }

    @Test
    void usernameAndPasswordFromAPasswordFile() throws Exception {
        Path passwords = dir.resolve("passwd");
        Process p = new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), "agent", "s3cret!")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as("mosquitto_passwd (package mosquitto) made the password file").isTrue();
        MosquittoBroker broker = broker("allow_anonymous false", "password_file " + passwords);
        Subscriber subscriber = closing(Subscriber.connect(broker.url("tcp"), "qliksense/#", "sub-auth", true,
                "agent", "s3cret!", null));

        MqttSink good = sink("broker_urls", new String[] {broker.url("tcp")}, "username", "agent",
                "_password", "s3cret!", "client_id", "good");
        awaitConnected(good);
        good.write(List.of(Samples.userEvent("Open connection", "in")));
        subscriber.await("the user event", 10, got -> got.size() == 2);

        MqttSink bad = sink("broker_urls", new String[] {broker.url("tcp")}, "username", "agent",
                "_password", "wrong-pw", "client_id", "bad");
        await("the broker refuses the password", 10, () -> bad.problem().contains("refused"));
        assertThat(bad.isConnected()).isFalse();
        assertThatThrownBy(() -> bad.write(List.of(Samples.userEvent("Open connection", "x"))))
                .isInstanceOfSatisfying(SinkException.class, e -> assertThat(e.isRetriable()).isTrue())
                .hasMessageContaining("not connected").hasMessageContaining("refused")
                .hasMessageNotContaining("wrong-pw");
        assertThat(published).singleElement().isInstanceOfSatisfying(ErrorSignal.class, e -> {
            assertThat(e.errorType()).isEqualTo("MQTT_PUBLISH");
            assertThat(e.message()).doesNotContain("wrong-pw");
        });
    }

    private MosquittoBroker tlsBroker(TestPki pki, boolean requireClientCertificate) throws Exception {
        pki.writeTo(dir);
        return broker("cafile " + dir.resolve("ca.pem"), "certfile " + dir.resolve("server.pem"),
                "keyfile " + dir.resolve("server.key"), "require_certificate " + requireClientCertificate);
    }

    private Subscriber tlsSubscriber(MosquittoBroker broker, TestPki pki, String filter) throws Exception {
        try {
            return closing(Subscriber.connect(broker.url("ssl"), filter, "sub-tls", true, null, null,
                    pki.clientContext().getSocketFactory()));
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            throw new AssertionError("the test subscriber cannot connect over TLS; broker log: " + broker.log(), e);
        }
    }

    @Test
    void tlsWithACaFileVerifiesTheBroker() throws Exception {
        TestPki pki = new TestPki("Test CA", List.of("127.0.0.1", "localhost"));
        MosquittoBroker broker = tlsBroker(pki, false);
        Subscriber subscriber = tlsSubscriber(broker, pki, "qliksense/#");
        MqttSink sink = sink("broker_urls", new String[] {broker.url("ssl")}, "ca_file", dir.resolve("ca.pem").toString());
        awaitConnected(sink);
        sink.write(List.of(Samples.logEvent("Proxy.Audit", "over tls")));
        subscriber.await("the log event over TLS", 10, got -> got.size() == 2);
    }

    @Test
    void tlsWithACertificateSetPresentsTheClientCertificate() throws Exception {
        TestPki pki = new TestPki("Test CA", List.of("127.0.0.1"));
        MosquittoBroker broker = tlsBroker(pki, true);
        Subscriber subscriber = tlsSubscriber(broker, pki, "butler-sos/#");
        TlsContextProvider set = provider("mqtt", pki.clientContext());
        MqttSink sink = sink(Map.of("mqtt", set), "broker_urls", new String[] {broker.url("ssl")},
                "certificate_set", "mqtt");
        awaitConnected(sink);
        sink.write(List.of(Samples.sessions("/")));
        subscriber.await("the sessions over mutual TLS", 10, got -> !got.isEmpty()
                && got.stream().anyMatch(r -> r.topic().equals("butler-sos/proxy1.lab/usersession/")));

        MqttSink withoutClientCertificate = sink("broker_urls", new String[] {broker.url("ssl")},
                "ca_file", dir.resolve("ca.pem").toString(), "client_id", "no-cert", "connect_timeout_s", 2);
        await("the broker refuses a client without certificate", 10,
                () -> !withoutClientCertificate.problem().equals("not connected yet"));
        assertThat(withoutClientCertificate.isConnected()).isFalse();

        MqttSink missingSet = sink("broker_urls", new String[] {broker.url("ssl")}, "certificate_set", "nope",
                "client_id", "no-set");
        await("a missing certificate set is named", 10, () -> missingSet.problem().contains("certificate set 'nope'"));
    }

    @Test
    void aReloadedCertificateSetIsUsedAfterAReconnect() throws Exception {
        TestPki pki = new TestPki("Test CA", List.of("127.0.0.1"));
        MosquittoBroker broker = tlsBroker(pki, true);
        Subscriber status = tlsSubscriber(broker, pki, "state/#");
        java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong(1);
        TlsContextProvider set = provider("mqtt", pki.clientContext(), generation::get);
        MqttSink sink = sink(Map.of("mqtt", set), "broker_urls", new String[] {broker.url("ssl")},
                "certificate_set", "mqtt", "status_topic", "state/tls");
        awaitConnected(sink);
        status.await("online", 10, got -> got.stream().filter(r -> r.payload().equals("online")).count() == 1);

        generation.incrementAndGet(); // the cert bundle reloaded the files
        status.await("online again after a reconnect with the new material", 10,
                got -> got.stream().filter(r -> r.payload().equals("online")).count() == 2);
        awaitConnected(sink);
    }

    @Test
    void aBrokerCertificateFromAnotherCaOrForAnotherHostIsRefused() throws Exception {
        TestPki pki = new TestPki("Test CA", List.of("other.example"));
        MosquittoBroker broker = tlsBroker(pki, false);
        TestPki stranger = new TestPki("Stranger CA", List.of("127.0.0.1"));
        Path strangerCa = Files.createDirectories(dir.resolve("stranger"));
        stranger.writeTo(strangerCa);

        MqttSink wrongCa = sink("broker_urls", new String[] {broker.url("ssl")},
                "ca_file", strangerCa.resolve("ca.pem").toString(), "client_id", "wrong-ca");
        await("a certificate of an unknown CA is refused", 10, () -> wrongCa.problem().contains("TLS handshake failed"));

        MqttSink wrongHost = sink("broker_urls", new String[] {broker.url("ssl")},
                "ca_file", dir.resolve("ca.pem").toString(), "client_id", "wrong-host");
        await("a certificate for another host is refused", 10, () -> wrongHost.problem().contains("TLS handshake failed"));
        assertThat(wrongHost.isConnected()).isFalse();

        MqttSink hostCheckOff = sink("broker_urls", new String[] {broker.url("ssl")},
                "ca_file", dir.resolve("ca.pem").toString(), "verify_hostname", false, "client_id", "host-off");
        awaitConnected(hostCheckOff);
    }

    @Test
    void statusIsOnlineWhileConnectedAndOfflineByWillOrCleanStop() throws Exception {
        MosquittoBroker broker = broker();
        Subscriber status = subscriber(broker, "state/#");
        MqttSink sink = sink("broker_urls", new String[] {broker.url("tcp")}, "status_topic", "state/agent1");
        awaitConnected(sink);
        status.await("online", 10, got -> got.stream().anyMatch(r -> r.payload().equals("online")));

        // The agent vanishes without saying goodbye: the broker publishes the last will.
        sink.connectionForTest().client().disconnectForcibly(0, 100, false);
        status.await("offline by last will", 10, got -> got.stream().anyMatch(r -> r.payload().equals("offline")));

        awaitConnected(sink); // reconnected on its own
        status.await("online again", 10, got -> got.get(got.size() - 1).payload().equals("online"));
        sink.close();
        status.await("offline by clean stop", 10, got -> got.get(got.size() - 1).payload().equals("offline"));
        Subscriber late = subscriber(broker, "state/#");
        late.await("the retained status", 10, got -> !got.isEmpty());
        assertThat(late.received).singleElement().satisfies(r -> {
            assertThat(r.payload()).isEqualTo("offline");
            assertThat(r.retained()).isTrue();
        });
    }

    @Test
    void aBrokerThatIsDownAtStartIsConnectedWhenItComesUpAndWritesFailRetriablyMeanwhile() throws Exception {
        MosquittoBroker broker = broker();
        broker.stop();
        MqttSink sink = sink("broker_urls", new String[] {broker.url("tcp")});
        await("the first attempt fails", 10, () -> !sink.problem().equals("not connected yet"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> sink.write(List.of(Samples.error())))
                    .isInstanceOfSatisfying(SinkException.class, e -> assertThat(e.isRetriable()).isTrue())
                    .hasMessageContaining("not connected to " + broker.url("tcp"));
        }
        assertThat(published).as("one error signal per failure state, not per retry").hasSize(1);

        broker.restart();
        Subscriber subscriber = subscriber(broker, "butler-sos/#");
        awaitConnected(sink);
        sink.write(List.of(Samples.error()));
        subscriber.await("the error signal", 10, got -> got.stream().anyMatch(r -> r.topic().endsWith("agent.error")));
    }

    static TlsContextProvider provider(String name, SSLContext context) {
        return provider(name, context, () -> 1);
    }

    static TlsContextProvider provider(String name, SSLContext context, java.util.function.LongSupplier generation) {
        return new TlsContextProvider() {
            @Override public String name() {
                return name;
            }
            @Override public SSLContext sslContext(TlsOptions options) {
                return context;
            }
            @Override public long generation() {
                return generation.getAsLong();
            }
            @Override public Optional<CertificateInfo> clientCertificate() {
                return Optional.empty();
            }
            @Override public Optional<String> problem() {
                return Optional.empty();
            }
        };
    }

    static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }
}
