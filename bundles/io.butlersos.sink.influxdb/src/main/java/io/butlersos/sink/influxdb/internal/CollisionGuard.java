package io.butlersos.sink.influxdb.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps two points of one series from sharing a timestamp. InfluxDB keeps one point per series and
 * timestamp, so two log events of the same host, source and level in the same millisecond would
 * overwrite each other; the second is moved on by one unit of the write's precision instead.
 *
 * <p>Only points that were written are remembered, so a batch that is retried gets the same
 * timestamps again and the retry overwrites rather than duplicates. Remembers the most recent
 * {@value #REMEMBERED} series/timestamp pairs; a hash collision only costs a needless nudge.
 */
final class CollisionGuard {

    static final int REMEMBERED = 16_384;

    private final Map<Long, Boolean> written = new LinkedHashMap<>(REMEMBERED * 2, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The timestamp to use for this series: {@code timestamp}, or the next one not yet taken. */
    long claim(long series, long timestamp, Map<Long, Boolean> takenInBatch) {
        long t = timestamp;
        long key = key(series, t);
        while (written.containsKey(key) || takenInBatch.containsKey(key)) {
            t++;
            key = key(series, t);
        }
        takenInBatch.put(key, Boolean.TRUE);
        return t;
    }

    /** Remembers the keys of a batch InfluxDB took. */
    void commit(Map<Long, Boolean> takenInBatch) {
        for (Long key : takenInBatch.keySet()) {
            written.put(key, Boolean.TRUE);
        }
    }

    static long series(String measurement, Map<String, String> tags) {
        return ((long) measurement.hashCode() << 32) ^ (tags.hashCode() & 0xffffffffL);
    }

    private static long key(long series, long timestamp) {
        long h = series ^ (timestamp * 0x9E3779B97F4A7C15L);
        return h ^ (h >>> 31);
    }
}
