package io.butlersos.sink.influxdb.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.Signal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Line-protocol encoding of log events, the InfluxDB sink's hottest path: a batch of 5000 signals →
 * one request body (points rendered, schema-mapped, collision-checked, escaped, UTF-8 bytes). The
 * score is events per second (one operation = one event).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EncodeBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncodeBenchmark {

    private static final int BATCH = 5_000;

    @Param({"1", "3"})
    public int version;

    private List<Signal> batch;
    private BatchEncoder encoder;

    @Setup
    public void setUp() {
        Instant t = Instant.parse("2026-11-29T08:15:30.123Z");
        batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(LogEvents.event(i, t.plusMillis(i / 10)));
        }
        encoder = new BatchEncoder(new SchemaMapping(version, false, Map.of()), Precision.NANOSECONDS,
                LineProtocol.Dialect.of(version));
    }

    /** Encode only; nothing is remembered, so every invocation does the same work. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public byte[] encodeBatch() {
        return encoder.encode(batch).bytes();
    }

    /** Encode and gzip, as with {@code gzip=true}. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public byte[] encodeAndGzipBatch() {
        return HttpTransport.gzip(encoder.encode(batch).bytes());
    }
}
