package io.butlersos.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something a source observed: a health sample, a log event, a counter snapshot. Signals are
 * immutable; the core hands the same instance to every sink that accepts its {@link #type()}.
 *
 * <p>Implementations are records in the versioned packages of this bundle, or in a third-party
 * source bundle.
 */
@ConsumerType
public interface Signal {

    /**
     * A short, stable name of the kind of signal, such as {@code sense.health} or {@code event.log}.
     * Sinks choose what they take by these names (see {@code Sink#SIGNAL_TYPES}).
     */
    String type();

    /** When it happened: the time the source stamped (Sense's own time for its events), not the time of writing. */
    Instant time();

    /** Whom it is about: a Sense server name, a host name, or the agent itself. */
    String origin();

    /** Tags that travel with every point of this signal: server tags, the instance tag. */
    default Map<String, String> tags() {
        return Map.of();
    }

    /** The signal in the Butler SOS InfluxDB schema: measurements, tags and typed fields. */
    List<Point> toPoints();
}
