package io.butlersos.sink.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The small rules: numbers as JavaScript writes them, topic levels, QoS/retain per type, broker URLs, config errors. */
class RulesAndValuesTest {

    @Test
    void numbersAreWrittenAsJavaScriptToStringDoes() {
        assertThat(JsNumbers.format(1234.0)).isEqualTo("1234");
        assertThat(JsNumbers.format(1234.5625)).isEqualTo("1234.5625");
        assertThat(JsNumbers.format(0.0001)).isEqualTo("0.0001");
        assertThat(JsNumbers.format(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(JsNumbers.format(12_345_678.9)).isEqualTo("12345678.9");
        assertThat(JsNumbers.format(1e21)).isEqualTo("1e+21");
        assertThat(JsNumbers.format(-0.0)).isEqualTo("0");
        assertThat(JsNumbers.format(-2.5)).isEqualTo("-2.5");
    }

    @Test
    void topicLevelsLoseWildcardsAndSeparators() {
        assertThat(Topics.level("a+b#c/d")).isEqualTo("a_b_c_d");
        assertThat(Topics.level("plain.host")).isEqualTo("plain.host");
        assertThat(Topics.prefix("base")).isEqualTo("base/");
        assertThat(Topics.prefix("base/")).isEqualTo("base/");
        assertThatThrownBy(() -> Topics.checkConfigured("log.events.topic", "logs/#"))
                .hasMessageContaining("log.events.topic").hasMessageContaining("wildcard");
    }

    @Test
    void qosAndRetainFollowTheFirstMatchingTypePattern() {
        DeliveryRules rules = new DeliveryRules(1, List.of("event.qix-perf=0", "sense.*=2"), List.of("sense.health"));
        assertThat(rules.qos("event.qix-perf")).isZero();
        assertThat(rules.qos("sense.sessions")).isEqualTo(2);
        assertThat(rules.qos("event.log")).isEqualTo(1);
        assertThat(rules.retain("sense.health")).isTrue();
        assertThat(rules.retain("sense.sessions")).isFalse();
        assertThatThrownBy(() -> new DeliveryRules(1, List.of("event.log=3"), List.of()))
                .hasMessageContaining("qos.by.type");
        assertThatThrownBy(() -> new DeliveryRules(1, List.of("event.log"), List.of()))
                .hasMessageContaining("type=qos");
        assertThatThrownBy(() -> new DeliveryRules(5, List.of(), List.of())).hasMessageContaining("qos");
    }

    @Test
    void listsFromACfgFileMayBeCommaSeparatedOrBracketed() {
        assertThat(ConfigLists.of(new String[] {"sense.health, event.user"})).containsExactly("sense.health", "event.user");
        assertThat(ConfigLists.of(new String[] {"[\"tcp://a:1883\", \"tcp://b:1883\"]"}))
                .containsExactly("tcp://a:1883", "tcp://b:1883");
        assertThat(ConfigLists.of(new String[] {"event.log=0", " ", "sense.*=2"})).containsExactly("event.log=0", "sense.*=2");
        assertThat(ConfigLists.of(null)).isEmpty();
    }

    @Test
    void brokerUrlsAreCheckedAndSpelledForPaho() {
        assertThat(BrokerUrls.parse(new String[] {"mqtt://a:1883", "ws://c:80/mqtt", ""}))
                .containsExactly("tcp://a:1883", "ws://c:80/mqtt");
        assertThat(BrokerUrls.parse(new String[] {" mqtts://b:8883 "})).containsExactly("ssl://b:8883");
        assertThatThrownBy(() -> BrokerUrls.parse(new String[] {"http://a"})).hasMessageContaining("tcp://");
        assertThatThrownBy(() -> BrokerUrls.parse(new String[] {"tcp://user:secret@a:1883"}))
                .hasMessageContaining("credentials").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> BrokerUrls.parse(new String[0])).hasMessageContaining("broker.urls");
    }

    @Test
    void webSocketUrlsKeepTheirPathOrGetMqttAndAFailOverListIsAllTlsOrAllPlain() {
        assertThat(BrokerUrls.parse(new String[] {"ws://c:8080", "ws://d/ws?x=1", "WS://e:80?x=2"}))
                .containsExactly("ws://c:8080/mqtt", "ws://d/ws?x=1", "ws://e:80/mqtt?x=2");
        assertThat(BrokerUrls.parse(new String[] {"wss://d/ws", "ssl://e:8883"})).containsExactly("wss://d/ws", "ssl://e:8883");
        assertThat(BrokerUrls.parse(new String[] {"ws://a/mqtt", "tcp://b:1883"})).containsExactly("ws://a/mqtt", "tcp://b:1883");
        assertThatThrownBy(() -> BrokerUrls.parse(new String[] {"tcp://a:1883/mqtt"}))
                .hasMessageContaining("has a path (/mqtt)").hasMessageContaining("only ws:// and wss://");
        assertThatThrownBy(() -> BrokerUrls.parse(new String[] {"ssl://a:8883", "ws://b:80/mqtt"}))
                .hasMessageContaining("mixes TLS (ssl://a:8883) and plain URLs");
    }

    @Test
    void badConfigurationIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> MqttSinks.create(Configs.mqtt("layout", "xml"), n -> java.util.Optional.empty(),
                () -> null, "h")).hasMessageContaining("layout");
        assertThatThrownBy(() -> MqttSinks.create(Configs.mqtt("_password", "pw"), n -> java.util.Optional.empty(),
                () -> null, "h")).hasMessageContaining("username");
        assertThatThrownBy(() -> MqttSinks.create(Configs.mqtt("health_topic_key", "ip"), n -> java.util.Optional.empty(),
                () -> null, "h")).hasMessageContaining("health.topic.key");
    }
}
