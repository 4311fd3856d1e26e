package io.butlersos.sink.influxdb.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/** Renders a batch of signals as one line-protocol body. Not thread-safe: one per sink, as writes are serial. */
final class BatchEncoder {

    private final SchemaMapping mapping;
    private final Precision precision;
    private final LineProtocol.Dialect dialect;
    private final CollisionGuard guard = new CollisionGuard();
    private final StringBuilder buffer = new StringBuilder(1 << 16);

    BatchEncoder(SchemaMapping mapping, Precision precision, LineProtocol.Dialect dialect) {
        this.mapping = mapping;
        this.precision = precision;
        this.dialect = dialect;
    }

    EncodedBatch encode(List<? extends Signal> batch) {
        StringBuilder out = buffer;
        out.setLength(0);
        int[] starts = new int[Math.max(16, batch.size())];
        int[] signals = new int[starts.length];
        List<MappedPoint> mapped = new ArrayList<>(batch.size());
        Map<Integer, String> unencodable = new LinkedHashMap<>();
        Map<Long, Boolean> claimed = new HashMap<>(batch.size() * 4);
        int lines = 0;
        for (int i = 0; i < batch.size(); i++) {
            Signal signal = batch.get(i);
            List<Point> points;
            try {
                points = signal.toPoints();
            } catch (RuntimeException e) {
                unencodable.put(i, "signal " + signal.type() + " could not render its points: " + e);
                continue;
            }
            int linesBefore = lines;
            int lengthBefore = out.length();
            try {
                for (Point point : points) {
                    MappedPoint p = mapping.map(point);
                    long series = CollisionGuard.series(p.measurement(), p.tags());
                    long time = guard.claim(series, precision.toUnits(p.time()), claimed);
                    if (lines == starts.length) {
                        starts = Arrays.copyOf(starts, lines * 2);
                        signals = Arrays.copyOf(signals, lines * 2);
                    }
                    starts[lines] = out.length();
                    LineProtocol.appendLine(out, dialect, p.measurement(), p.tags(), p.fields(), time);
                    signals[lines] = i;
                    mapped.add(p);
                    lines++;
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                // One bad point refuses its whole signal, so a signal is delivered entirely or not at all.
                out.setLength(lengthBefore);
                while (mapped.size() > linesBefore) {
                    mapped.remove(mapped.size() - 1);
                }
                lines = linesBefore;
                unencodable.put(i, "signal " + signal.type() + " cannot be written as line protocol: "
                        + e.getMessage());
            }
        }
        return new EncodedBatch(out.toString(), Arrays.copyOf(starts, lines), Arrays.copyOf(signals, lines),
                mapped, unencodable, claimed);
    }

    /** Called after InfluxDB took a batch, so later points of the same series and time move on. */
    void written(EncodedBatch batch) {
        guard.commit(batch.claimed());
    }
}
