package io.butlersos.sink.influxdb.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.butlersos.api.Signal;
import io.butlersos.api.SignalPublisher;

/** Keeps what a sink publishes (its error signals). */
final class RecordingPublisher implements SignalPublisher {
    final List<Signal> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Signal signal) {
        published.add(signal);
    }
}
