package io.butlersos.api.sense;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * One answer of a Sense engine's {@code /engine/healthcheck}. Values Sense did not send are null (or
 * an {@code ABSENT} part), and the points leave them out instead of inventing zeros.
 *
 * @param time when the poll was answered
 * @param origin the server name ({@code server_name})
 * @param tags the server tags: {@code host} (without port), {@code server_name}, {@code server_description}
 *        and the configured custom tags
 * @param engineUrl the URL that was polled, for people
 * @param version {@code version}, or null
 * @param started {@code started} exactly as sent ({@code 20250301T081530.000+0100}), or null
 * @param startedAt {@code started} as an instant, honouring its offset, or null when absent or unreadable
 * @param mem {@code mem}
 * @param cpuTotal {@code cpu.total} in percent, or null
 * @param session {@code session}
 * @param users {@code users}
 * @param apps {@code apps}
 * @param cache {@code cache}
 * @param saturated {@code saturated}, or null
 */
public record HealthSample(
        Instant time,
        String origin,
        Map<String, String> tags,
        String engineUrl,
        String version,
        String started,
        Instant startedAt,
        EngineMemory mem,
        Double cpuTotal,
        ActiveTotal session,
        ActiveTotal users,
        EngineApps apps,
        EngineCache cache,
        Boolean saturated) implements Signal {

    /** The signal type of engine health samples. */
    public static final String TYPE = "sense.health";

    public HealthSample {
        Objects.requireNonNull(time, "time");
        tags = Map.copyOf(tags);
        mem = mem == null ? EngineMemory.ABSENT : mem;
        session = session == null ? ActiveTotal.ABSENT : session;
        users = users == null ? ActiveTotal.ABSENT : users;
        apps = apps == null ? EngineApps.ABSENT : apps;
        cache = cache == null ? EngineCache.ABSENT : cache;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** How long the engine has been running at {@link #time()}, when {@code started} was readable. */
    public Optional<Duration> uptime() {
        if (startedAt == null || startedAt.isAfter(time)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(startedAt, time));
    }

    /** The uptime as Butler SOS writes it: {@code "3 days, 4h 05m 09s"}; empty when unknown. */
    public String uptimeText() {
        return uptime().map(HealthSample::formatUptime).orElse("");
    }

    static String formatUptime(Duration d) {
        long seconds = d.getSeconds();
        return String.format("%d days, %dh %02dm %02ds",
                seconds / 86_400, (seconds % 86_400) / 3_600, (seconds % 3_600) / 60, seconds % 60);
    }

    /**
     * The eight measurements of Butler SOS's v1 schema ({@code sense_server}, {@code mem}, {@code apps},
     * {@code cpu}, {@code session}, {@code users}, {@code cache}, {@code saturated}), each left out when
     * Sense sent nothing for it. Counters the v2 schema declares unsigned are clamped at 0.
     */
    @Override
    public List<Point> toPoints() {
        List<Point> points = new ArrayList<>(8);
        Point.Builder server = point("sense_server")
                .field("version", version)
                .field("started", started)
                .field("uptime", uptimeText());
        points.add(server.build());

        if (!mem.isAbsent()) {
            Point.Builder p = point("mem");
            putFloor(p, "comitted", mem.committed()); // sic: Butler SOS's field name has one "m"
            putFloor(p, "allocated", mem.allocated());
            putFloor(p, "free", mem.free());
            points.add(p.build());
        }
        if (!apps.isAbsent()) {
            points.add(appsPoint());
        }
        if (cpuTotal != null) {
            points.add(point("cpu").field("total", (long) Math.floor(cpuTotal)).build());
        }
        addActiveTotal(points, "session", session);
        addActiveTotal(points, "users", users);
        if (!cache.isAbsent()) {
            Point.Builder p = point("cache");
            putUnsigned(p, "hits", cache.hits());
            putUnsigned(p, "lookups", cache.lookups());
            putSigned(p, "added", cache.added());
            putSigned(p, "replaced", cache.replaced());
            putSigned(p, "bytes_added", cache.bytesAdded());
            points.add(p.build());
        }
        if (saturated != null) {
            points.add(point("saturated").field("saturated", saturated.booleanValue()).build());
        }
        return points;
    }

    private Point appsPoint() {
        DocList active = apps.active() == null ? DocList.EMPTY : apps.active();
        DocList loaded = apps.loaded() == null ? DocList.EMPTY : apps.loaded();
        DocList inMemory = apps.inMemory() == null ? DocList.EMPTY : apps.inMemory();
        Point.Builder p = point("apps")
                .field("active_docs_count", (long) active.count())
                .field("loaded_docs_count", (long) loaded.count())
                .field("in_memory_docs_count", (long) inMemory.count())
                .field("active_docs", active.idsField())
                .field("active_docs_names", active.namesField())
                .field("active_session_docs_names", active.sessionNamesField())
                .field("loaded_docs", loaded.idsField())
                .field("loaded_docs_names", loaded.namesField())
                .field("loaded_session_docs_names", loaded.sessionNamesField())
                .field("in_memory_docs", inMemory.idsField())
                .field("in_memory_docs_names", inMemory.namesField())
                .field("in_memory_session_docs_names", inMemory.sessionNamesField());
        putUnsigned(p, "calls", apps.calls());
        putUnsigned(p, "selections", apps.selections());
        return p.build();
    }

    private void addActiveTotal(List<Point> points, String measurement, ActiveTotal value) {
        if (!value.isAbsent()) {
            Point.Builder p = point(measurement);
            putUnsigned(p, "active", value.active());
            putUnsigned(p, "total", value.total());
            points.add(p.build());
        }
    }

    private Point.Builder point(String measurement) {
        return Point.measurement(measurement).tags(tags).time(time);
    }

    private static void putFloor(Point.Builder p, String field, Double value) {
        if (value != null && Double.isFinite(value)) {
            p.field(field, (long) Math.floor(value));
        }
    }

    private static void putUnsigned(Point.Builder p, String field, Long value) {
        if (value != null) {
            p.field(field, Math.max(0L, value));
        }
    }

    private static void putSigned(Point.Builder p, String field, Long value) {
        if (value != null) {
            p.field(field, value.longValue());
        }
    }
}
