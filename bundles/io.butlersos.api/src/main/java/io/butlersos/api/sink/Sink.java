package io.butlersos.api.sink;

import java.util.List;

import io.butlersos.api.Signal;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An output, registered as an OSGi service. The core calls {@link #write(List)} from one worker per
 * sink instance, never concurrently, with the batch it has gathered for this sink, and interrupts a
 * write that outlives its deadline. Everything else (queueing, batching, retry, back-off, counters)
 * happens in the core, so a sink only turns signals into its own format and sends them.
 *
 * <p>The service properties below tune how the core treats the sink. A sink configured through
 * Config Admin gets them for free by naming its configuration attributes after them
 * ({@code butlersos_sink_batch_size()} becomes {@code butlersos.sink.batch.size}). A property that is
 * absent takes the core's default.
 */
@ConsumerType
public interface Sink {

    /** Service property (String): a short name for logs and counters, e.g. {@code influxdb}. */
    String NAME = "butlersos.sink.name";

    /**
     * Service property (String or String[]): the signal types the sink takes. {@code *} takes all,
     * {@code sense.*} every type that starts with {@code sense.}; absent means all.
     */
    String SIGNAL_TYPES = "butlersos.sink.signal.types";

    /** Service property (Integer): the largest batch handed to one {@link #write(List)}. */
    String BATCH_SIZE = "butlersos.sink.batch.size";

    /** Service property (Long): how long the core waits for a batch to fill before writing what it has, in ms. */
    String LINGER_MS = "butlersos.sink.linger.ms";

    /** Service property (Integer): how many signals may wait for this sink; beyond it the oldest is dropped. */
    String BUFFER_LIMIT = "butlersos.sink.buffer.limit";

    /** Service property (Long): the deadline of one {@link #write(List)}, in ms. */
    String WRITE_TIMEOUT_MS = "butlersos.sink.write.timeout.ms";

    /**
     * Writes a batch. Returning normally means every signal in it was delivered.
     *
     * @param batch the signals, oldest first; never empty
     * @throws SinkException to say whether the batch may be retried and which signals were refused
     * @throws InterruptedException when the core interrupts a write that outlived its deadline
     */
    void write(List<Signal> batch) throws SinkException, InterruptedException;

    /** Where the sink writes, for people (a folder, a URL without credentials); never a secret. */
    default String target() {
        return "";
    }
}
