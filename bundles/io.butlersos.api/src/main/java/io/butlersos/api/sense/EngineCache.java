package io.butlersos.api.sense;

/**
 * The engine's {@code cache} object. A value Sense did not send is null. Values are kept as Sense sent
 * them, negative ones included (some engine versions report negative counters after a wrap).
 */
public record EngineCache(Long hits, Long lookups, Long added, Long replaced, Long bytesAdded) {

    public static final EngineCache ABSENT = new EngineCache(null, null, null, null, null);

    public boolean isAbsent() {
        return hits == null && lookups == null && added == null && replaced == null && bytesAdded == null;
    }

    /** {@code floor(hits / lookups * 100)}, or null when lookups is not positive (the MQTT {@code hit_ratio}). */
    public Long hitRatioPercent() {
        if (hits == null || lookups == null || lookups <= 0) {
            return null;
        }
        return (long) Math.floor(hits * 100.0 / lookups);
    }
}
