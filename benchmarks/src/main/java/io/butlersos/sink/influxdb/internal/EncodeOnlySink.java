package io.butlersos.sink.influxdb.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.butlersos.api.Signal;
import io.butlersos.api.sink.Sink;

/**
 * The InfluxDB sink without the server: each batch is encoded exactly as {@link InfluxSink} does (v1
 * schema, nanoseconds, UTF-8 body) and then thrown away. Puts the agent's own cost in the end-to-end
 * benchmark apart from InfluxDB's.
 */
public final class EncodeOnlySink implements Sink {

    private final BatchEncoder encoder = new BatchEncoder(new SchemaMapping(1, false, Map.of()),
            Precision.NANOSECONDS, LineProtocol.Dialect.of(1));
    private final LongAdder bytes = new LongAdder();

    @Override
    public void write(List<Signal> batch) {
        EncodedBatch encoded = encoder.encode(batch);
        bytes.add(encoded.bytes().length);
        encoder.written(encoded);
    }

    /** Body bytes encoded so far. */
    public long bytes() {
        return bytes.sum();
    }

    @Override
    public String target() {
        return "nowhere (encode only)";
    }
}
