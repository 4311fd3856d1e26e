package io.butlersos.sink.mqtt.internal;

import java.util.List;

import io.butlersos.api.Signal;
import io.butlersos.api.json.Json;

/** One topic per signal type, {@code <json base topic><type>}, with the whole signal as one JSON object. */
final class JsonLayout implements MessageMapper {

    private final String prefix;

    JsonLayout(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public List<OutgoingMessage> map(Signal signal) {
        return List.of(new OutgoingMessage(prefix + Topics.level(signal.type()), Json.writeSignal(signal)));
    }
}
