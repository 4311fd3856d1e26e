package io.butlersos.sink.mqtt.internal;

import java.util.Map;
import java.util.Optional;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.tls.TlsContextProvider;

/** Sinks for tests against a real broker: started, reconnecting fast, closed with the test's {@link Closer}. */
final class BrokerSinks {

    private BrokerSinks() {
    }

    /** A started sink; {@code overrides} are configuration key/value pairs on top of a fast reconnect. */
    static MqttSink start(Closer toClose, SignalPublisher publisher, Map<String, TlsContextProvider> sets,
            Object... overrides) {
        Object[] all = new Object[overrides.length + 4];
        all[0] = "reconnect_initial_ms";
        all[1] = 100L;
        all[2] = "reconnect_max_ms";
        all[3] = 500L;
        System.arraycopy(overrides, 0, all, 4, overrides.length);
        MqttSink sink = MqttSinks.create(Configs.mqtt(all), name -> Optional.ofNullable(sets.get(name)),
                () -> publisher, "testhost");
        sink.start();
        toClose.add(sink::close);
        return sink;
    }
}
