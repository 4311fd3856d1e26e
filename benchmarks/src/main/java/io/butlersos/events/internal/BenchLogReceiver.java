package io.butlersos.events.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.events.LogSource;
import io.butlersos.events.internal.count.CountersConfig;
import io.butlersos.events.internal.count.EventCounters;
import io.butlersos.events.internal.parse.LogDatagramParser;
import io.butlersos.events.internal.parse.ParseContext;
import io.butlersos.events.internal.qix.QixPerfConfig;
import io.butlersos.events.internal.qix.QixPerfMonitor;
import io.butlersos.events.internal.receive.ReceiverSettings;
import io.butlersos.events.internal.receive.ReceiverStats;
import io.butlersos.events.internal.receive.UdpReceiver;
import io.butlersos.events.internal.rules.Categoriser;
import io.butlersos.events.internal.rules.CategoriserConfig;

/**
 * The real log-event receiver (socket reader, hand-off, parser workers, categoriser, QIX filter,
 * counters) on a free loopback port, publishing into any {@link SignalPublisher}: the UDP front of
 * the end-to-end benchmark. Its threads are named {@code butlersos-events-bench-*}.
 */
public final class BenchLogReceiver implements AutoCloseable {

    /** Prefix of the receiver's thread names, for per-thread CPU accounting. */
    public static final String THREADS = "butlersos-events-bench-";

    private final UdpReceiver receiver;
    private final EventCounters counters;

    public BenchLogReceiver(SignalPublisher publisher, int workers, int receiveBuffer) throws IOException {
        Categoriser categoriser = new Categoriser();
        categoriser.activate(Configs.of(CategoriserConfig.class, Map.of("enabled", true)));
        QixPerfMonitor qixPerf = new QixPerfMonitor();
        qixPerf.activate(Configs.of(QixPerfConfig.class, Map.of("enabled", true, "all_apps_enabled", true)));
        counters = new EventCounters(publisher, Configs.of(CountersConfig.class, Map.of("interval_s", 3600L)));
        ReceiverStats stats = new ReceiverStats();
        LogEventHandler handler = new LogEventHandler(new LogEventHandler.Policy(
                new LogDatagramParser(new ParseContext(Map.of("qs_env", "bench"), ZoneId.of("Europe/Stockholm"),
                        id -> null)), Set.of(LogSource.values())),
                publisher, categoriser, qixPerf, counters, stats);
        receiver = new UdpReceiver(new ReceiverSettings("bench", "127.0.0.1", 0, receiveBuffer, workers, 200_000,
                128L << 20, 65_507, 80, false, new String[0], 300, false, 600, 100), handler, stats);
        receiver.start();
    }

    public InetSocketAddress address() throws IOException {
        return receiver.localAddress();
    }

    public long received() {
        return receiver.stats().receivedTotal();
    }

    /** Datagrams the receiver dropped, by reason. */
    public Map<String, Long> dropped() {
        return receiver.stats().droppedTotals();
    }

    public int grantedReceiveBuffer() {
        return receiver.grantedReceiveBuffer();
    }

    @Override
    public void close() {
        receiver.close();
        counters.deactivate();
    }
}
