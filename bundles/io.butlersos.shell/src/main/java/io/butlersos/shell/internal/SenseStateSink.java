package io.butlersos.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.butlersos.api.Signal;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.api.sink.Sink;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps the newest {@code sense.health} and {@code sense.sessions} per server. A sink like any other,
 * so it sees exactly what the other outputs see; it holds one sample per server and proxy, never a
 * history. It appears in {@code sos:sinks} as {@code shell-status}.
 */
@Component(service = {Sink.class, SenseState.class}, immediate = true, property = {
        Sink.NAME + "=shell-status",
        Sink.SIGNAL_TYPES + "=" + HealthSample.TYPE,
        Sink.SIGNAL_TYPES + "=" + ProxySessions.TYPE })
public final class SenseStateSink implements Sink, SenseState {

    private final ConcurrentMap<String, HealthSample> health = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Map<String, ProxySessions>> sessions = new ConcurrentHashMap<>();

    @Override
    public void write(List<Signal> batch) {
        for (Signal signal : batch) {
            if (signal instanceof HealthSample sample) {
                health.merge(sample.origin(), sample, (old, next) -> next.time().isBefore(old.time()) ? old : next);
            } else if (signal instanceof ProxySessions proxy) {
                sessions.computeIfAbsent(proxy.origin(), k -> new ConcurrentHashMap<>())
                        .merge(proxy.virtualProxy(), proxy, (old, next) -> next.time().isBefore(old.time()) ? old : next);
            }
        }
    }

    @Override
    public String target() {
        return "gogo shell (memory, newest sample per server)";
    }

    @Override
    public List<Server> servers() {
        Map<String, Server> byName = new TreeMap<>();
        health.forEach((name, sample) -> byName.put(name, new Server(name, sample, List.of())));
        sessions.forEach((name, proxies) -> {
            List<ProxySessions> list = new ArrayList<>(new TreeMap<>(proxies).values());
            Server server = byName.get(name);
            byName.put(name, new Server(name, server == null ? null : server.health(), List.copyOf(list)));
        });
        return List.copyOf(byName.values());
    }
}
