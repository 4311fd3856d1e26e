package io.butlersos.core.internal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.osgi.framework.Constants;

/**
 * Publish → core → no-op sink. The score is signals published per second; after each iteration the
 * delivered and dropped counts are printed, so a score bought with drops is visible.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PublishBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PublishBenchmark {

    record Sample(Instant time, long n) implements Signal {
        @Override public String type() { return "bench.sample"; }
        @Override public String origin() { return "bench"; }
        @Override public List<Point> toPoints() { return List.of(); }
    }

    private final Signal signal = new Sample(Instant.EPOCH, 1);
    private final LongAdder written = new LongAdder();
    private SignalRouter router;

    @Setup(Level.Trial)
    public void start() {
        router = new SignalRouter();
        router.activate(config(Map.of("buffer_limit", 1_000_000, "batch_size", 5_000, "linger_ms", 5L,
                "stats_interval_s", 3600L)));
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.SERVICE_ID, 1L);
        props.put(Sink.NAME, "noop");
        Sink noop = batch -> written.add(batch.size());
        router.bindSink(noop, props);
    }

    @TearDown(Level.Iteration)
    public void report() {
        SinkStatus s = router.sinks().get(0);
        System.out.printf("%n  delivered %,d  dropped(queue full) %,d  waiting %,d%n", s.delivered(),
                s.dropped().get(SinkStatus.DROP_QUEUE_FULL), s.queueSize());
    }

    @TearDown(Level.Trial)
    public void stop() {
        router.deactivate();
    }

    @Benchmark
    @Threads(1)
    public void onePublisher() {
        router.publish(signal);
    }

    @Benchmark
    @Threads(4)
    public void fourPublishers() {
        router.publish(signal);
    }

    /** The core's configuration: annotation defaults plus overrides, as DS would build it. */
    static CoreConfig config(Map<String, Object> overrides) {
        return (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(), new Class<?>[] {CoreConfig.class},
                (proxy, method, args) -> method.getName().equals("annotationType") ? CoreConfig.class
                        : overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }
}
