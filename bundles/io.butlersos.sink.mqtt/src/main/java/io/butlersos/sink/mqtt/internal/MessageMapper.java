package io.butlersos.sink.mqtt.internal;

import java.util.List;

import io.butlersos.api.Signal;

/** Turns one signal into the messages a topic layout publishes for it; none when it has no topic. */
interface MessageMapper {

    List<OutgoingMessage> map(Signal signal);
}
