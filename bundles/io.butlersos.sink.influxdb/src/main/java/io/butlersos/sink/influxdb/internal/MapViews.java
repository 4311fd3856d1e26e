package io.butlersos.sink.influxdb.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Read-only views that change one entry of a point's map without copying it: the encoder moves
 * {@code log_row} from the tags to the fields of every log event, and copying two maps per event was
 * a tenth of the encoding time. Iteration keeps the underlying order (tags stay sorted).
 */
final class MapViews {

    private MapViews() {
    }

    /** {@code map} without {@code key}. */
    static <V> Map<String, V> without(Map<String, V> map, String key) {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, V>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, V>> iterator() {
                        return filtered(map.entrySet().iterator(), key);
                    }

                    @Override
                    public int size() {
                        return map.containsKey(key) ? map.size() - 1 : map.size();
                    }
                };
            }

            @Override
            public V get(Object k) {
                return key.equals(k) ? null : map.get(k);
            }

            @Override
            public boolean containsKey(Object k) {
                return !key.equals(k) && map.containsKey(k);
            }
        };
    }

    /** {@code map} followed by one more entry (whose key it does not have). */
    static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map.Entry<String, Object> extra = new AbstractMap.SimpleImmutableEntry<>(key, value);
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Object>> iterator() {
                        Iterator<Entry<String, Object>> first = map.entrySet().iterator();
                        return new Iterator<>() {
                            private boolean extraDone;

                            @Override
                            public boolean hasNext() {
                                return first.hasNext() || !extraDone;
                            }

                            @Override
                            public Entry<String, Object> next() {
                                if (first.hasNext()) {
                                    return first.next();
                                }
                                if (extraDone) {
                                    throw new NoSuchElementException();
                                }
                                extraDone = true;
                                return extra;
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return map.size() + 1;
                    }
                };
            }

            @Override
            public Object get(Object k) {
                return key.equals(k) ? value : map.get(k);
            }

            @Override
            public boolean containsKey(Object k) {
                return key.equals(k) || map.containsKey(k);
            }
        };
    }

    private static <V> Iterator<Map.Entry<String, V>> filtered(Iterator<Map.Entry<String, V>> all, String key) {
        return new Iterator<>() {
            private Map.Entry<String, V> next = advance();

            private Map.Entry<String, V> advance() {
                while (all.hasNext()) {
                    Map.Entry<String, V> e = all.next();
                    if (!key.equals(e.getKey())) {
                        return e;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Map.Entry<String, V> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Map.Entry<String, V> current = next;
                next = advance();
                return current;
            }
        };
    }
}
