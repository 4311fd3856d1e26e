package io.butlersos.sink.influxdb.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A batch of signals as line protocol, with what is needed to trace a line the server refused back
 * to the signal it came from.
 *
 * @param body the lines, each ending in a newline
 * @param lineStarts where each line starts in {@code body}
 * @param lineSignals for each line, the index in the batch of the signal it came from
 * @param points for each line, the point it encodes (to match "field type conflict" answers)
 * @param unencodable signals that could not be written at all, by index, with the reason
 * @param claimed series/timestamp keys to remember once InfluxDB took the batch ({@link CollisionGuard})
 */
record EncodedBatch(String body, int[] lineStarts, int[] lineSignals, List<MappedPoint> points,
        Map<Integer, String> unencodable, Map<Long, Boolean> claimed) {

    int lineCount() {
        return lineSignals.length;
    }

    /** Line {@code i} without its newline. */
    String line(int i) {
        int end = i + 1 < lineStarts.length ? lineStarts[i + 1] : body.length();
        return body.substring(lineStarts[i], end - 1);
    }

    byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The body cut at line boundaries into {@code parts} request bodies of (nearly) equal line counts,
     * in order; together they hold every line once.
     */
    List<byte[]> split(int parts) {
        int n = Math.max(1, Math.min(parts, lineCount()));
        List<byte[]> bodies = new java.util.ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int from = (int) ((long) lineCount() * p / n);
            int to = (int) ((long) lineCount() * (p + 1) / n);
            int end = to < lineStarts.length ? lineStarts[to] : body.length();
            bodies.add(body.substring(lineStarts[from], end).getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
