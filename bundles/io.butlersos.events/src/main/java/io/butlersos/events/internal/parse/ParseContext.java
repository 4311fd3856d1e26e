package io.butlersos.events.internal.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;

/**
 * What a parser needs besides the bytes.
 *
 * @param tags configured tags for every event
 * @param senseZone the zone of the Sense servers' local {@code %date} timestamps (used only when the ISO one is missing)
 * @param appNames app GUID to name, null result when unknown
 * @param qixAppNames the same for QIX performance events, where the lookup can be switched off
 */
public record ParseContext(Map<String, String> tags, ZoneId senseZone, Function<String, String> appNames,
        Function<String, String> qixAppNames) {

    /** A context that looks up app names for every message type. */
    public ParseContext(Map<String, String> tags, ZoneId senseZone, Function<String, String> appNames) {
        this(tags, senseZone, appNames, appNames);
    }

    /** A context with no tags, the system zone and no app names. */
    public static ParseContext plain() {
        return new ParseContext(Map.of(), ZoneId.systemDefault(), id -> null);
    }

    /** The signal time: the ISO stamp, else the local one, else arrival. */
    static Instant eventTime(Instant iso, Instant local, Instant received) {
        return iso != null ? iso : local != null ? local : received;
    }
}
