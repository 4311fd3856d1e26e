package io.butlersos.simulator.udp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.butlersos.simulator.SenseWorld;

/**
 * Renders datagrams exactly as the Sense appender patterns that Butler SOS ships produce them: fields
 * joined by {@code ;}, no quoting, no trailing newline. The n-th datagram of a type is always the same
 * (given the world and the time), so tests can predict what a receiver must make of it. The awkward
 * cases real sites produce appear at fixed intervals: {@code ;} and {@code '} inside messages, user
 * agents with {@code ;}, the scheduler's user only in {@code User}, {@code <Unknown>} object types,
 * upper-case GUIDs and non-user QIX activity.
 */
public final class SenseDatagrams {

    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.61",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    };
    private static final String[] METHODS = {"GenericObject::GetLayout", "Doc::GetAppLayout", "Global::OpenApp",
        "GenericObject::GetHyperCubeData"};
    private static final String[] OBJECT_TYPES = {"barchart", "linechart", "<Unknown>", "AppPropsList", "SheetList"};

    private final SenseWorld world;
    private final List<String> hosts;
    private final ZoneOffset offset;

    /**
     * @param seed the simulated site (the simulator's {@code --seed}); the same seed names the same apps and users
     * @param appCount apps to name
     * @param userCount users to name
     * @param hosts Sense node names, used in turn
     * @param offset the Sense servers' UTC offset, written into their timestamps
     */
    public SenseDatagrams(long seed, int appCount, int userCount, List<String> hosts, ZoneOffset offset) {
        this.world = new SenseWorld(seed, Math.max(1, appCount), Math.max(1, userCount), java.time.Duration.ofSeconds(1),
                Instant.EPOCH);
        this.hosts = List.copyOf(hosts);
        this.offset = offset;
    }

    /** The n-th datagram of a type, stamped with the given event time. */
    public byte[] datagram(SenseMessageType type, long n, Instant time) {
        return text(type, n, time).getBytes(StandardCharsets.UTF_8);
    }

    /** The app ids the datagrams name, in the order they are used. */
    public List<String> appIds() {
        return world.apps().stream().map(SenseWorld.App::id).toList();
    }

    /** The same as text. */
    public String text(SenseMessageType type, long n, Instant time) {
        return switch (type) {
            case ENGINE -> engine(n, time);
            case PROXY, REPOSITORY -> audit(type, n, time);
            case SCHEDULER -> scheduler(n, time);
            case QIX_PERF -> qixPerf(n, time);
            case PROXY_SESSION -> session(n);
            case PROXY_CONNECTION -> connection(n);
        };
    }

    private String engine(long n, Instant time) {
        String message = n % 7 == 3 ? "Doc::DoReload: script line 4: LET v = 'a;b'; failed for app"
                : "Doc::DoReload: reload failed for app";
        return join(SenseMessageType.ENGINE.prefix(), row(n), iso(time), local(time), n % 2 == 0 ? "WARN" : "ERROR",
                host(n), "System.Engine.Engine", "CORP\\qlikservice", message, guid("proxy-session", n),
                SenseWorld.USER_DIRECTORY, user(n), isoColon(time), guid("process", n), "12.1306.3",
                isoColon(world.epoch()), "Error", guid("engine-session", n), appId(n));
    }

    private String audit(SenseMessageType type, long n, Instant time) {
        String message = n % 7 == 3 ? "Access was denied for User: 'CORP\\" + user(n) + "'; reason: 'no license'"
                : "Access was denied for User: 'CORP\\" + user(n) + "'";
        String subsystem = type == SenseMessageType.PROXY ? "Audit.Proxy.Proxy.SessionEstablishment.Authentication"
                : "System.Repository.Repository.Core.Licensing";
        return join(type.prefix(), row(n), iso(time), local(time), "WARN", host(n), subsystem, "CORP\\qlikservice",
                message, "", SenseWorld.USER_DIRECTORY, user(n), "Login", "403", "AppAccess", "/hub/");
    }

    private String scheduler(long n, Instant time) {
        SenseWorld.App app = app(n);
        String message = n % 7 == 3 ? "Message from ReloadProvider: Reload failed; 'Sales' script error."
                : "Message from ReloadProvider: Reload failed in Engine. Check engine or script logs.";
        // Sense fills only the combined User property for reload tasks.
        return join(SenseMessageType.SCHEDULER.prefix(), row(n), iso(time), local(time), "ERROR", host(n),
                "System.Scheduler.Scheduler.Slave.Tasks.ReloadTask", "CORP\\qlikservice", message, "", "", "",
                SenseWorld.USER_DIRECTORY + "\\" + user(n), "Reload " + app.name(), app.name(), guid("task", n),
                appId(n), guid("execution", n));
    }

    private String qixPerf(long n, Instant time) {
        boolean nonUser = n % 4 == 0;
        return join(SenseMessageType.QIX_PERF.prefix(), row(n), iso(time), local(time), "INFO", host(n),
                "QixPerformance.Engine.Engine", "CORP\\qlikservice", nonUser ? "0" : guid("proxy-session", n),
                nonUser ? "" : SenseWorld.USER_DIRECTORY, nonUser ? "" : user(n), isoColon(time),
                guid("engine-session", n), appId(n), Long.toString(n % 1000), METHODS[(int) (n % METHODS.length)],
                "12.5", "11.9", "0.1", "0.2", "0.3", Long.toString(n % 50), n % 3 == 0 ? "<Unknown>" : "rwPjBk",
                "1024", "4096", OBJECT_TYPES[(int) (n % OBJECT_TYPES.length)]);
    }

    private String session(long n) {
        boolean start = n % 2 == 0;
        return join(SenseMessageType.PROXY_SESSION.prefix(), host(n), start ? "Start session" : "Stop session",
                SenseWorld.USER_DIRECTORY, user(n), "AppAccess", "/hub/",
                (start ? "Start" : "Stop") + " session for user 'CORP\\" + user(n) + "'");
    }

    private String connection(long n) {
        boolean open = n % 2 == 0;
        return join(SenseMessageType.PROXY_CONNECTION.prefix(), host(n), open ? "Open connection" : "Close connection",
                SenseWorld.USER_DIRECTORY, user(n), "AppAccess",
                "/app/" + appId(n) + "?reloaduri=https%3a%2f%2fsense1%2fsense%2fapp",
                "Websocket connection " + (open ? "Opened" : "Closed") + " for session '" + guid("proxy-session", n)
                        + "' UserAgent: '" + USER_AGENTS[(int) (n % USER_AGENTS.length)] + "'");
    }

    private static String join(String... fields) {
        return String.join(";", fields);
    }

    private static String row(long n) {
        return Long.toString(n % 9999 + 1);
    }

    /** {@code %longIso8601date}: {@code 20211109T153726.028+0200}. */
    private String iso(Instant time) {
        LocalDateTime t = LocalDateTime.ofInstant(time, offset);
        return String.format("%04d%02d%02dT%02d%02d%02d.%03d%s", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000, compactOffset());
    }

    /** {@code %date}: {@code 2021-11-09 15:37:26,028}. */
    private String local(Instant time) {
        LocalDateTime t = LocalDateTime.ofInstant(time, offset);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d,%03d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }

    private String isoColon(Instant time) {
        return time.atOffset(offset).toString();
    }

    private String compactOffset() {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        return String.format("%s%02d%02d", seconds < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
    }

    private String host(long n) {
        return hosts.get((int) (n % hosts.size()));
    }

    private String user(long n) {
        return world.users().get((int) (n % world.users().size()));
    }

    private SenseWorld.App app(long n) {
        return world.apps().get((int) (n % world.apps().size()));
    }

    /** The app id; every fifth in upper case, as some Sense versions write them. */
    private String appId(long n) {
        String id = app(n).id();
        return n % 5 == 4 ? id.toUpperCase(java.util.Locale.ROOT) : id;
    }

    private static String guid(String kind, long n) {
        return new UUID(kind.hashCode() * 0x9E3779B97F4A7C15L + n, n * 0xBF58476D1CE4E5B9L + kind.length()).toString();
    }
}
