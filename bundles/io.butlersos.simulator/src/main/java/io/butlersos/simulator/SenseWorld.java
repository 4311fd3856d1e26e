package io.butlersos.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The simulated Qlik Sense site: a fixed set of apps and users, and what each node is doing at any
 * moment. Everything is a pure function of (seed, node, time step), so two runs with the same seed
 * see the same values at the same step, yet values move from step to step: sessions come and go,
 * memory moves, apps load and unload.
 */
public final class SenseWorld {

    /** One app in the repository. */
    public record App(String id, String name, String stream) {
    }

    /** One proxy session. */
    public record Session(String userDirectory, String userId, String sessionId, String group) {
    }

    /** What one engine reports at one step. */
    public record EngineState(double memCommitted, double memAllocated, double memFree, double memTotalPhysical,
            int cpuTotal, int sessionsActive, int sessionsTotal, int usersActive, int usersTotal,
            List<String> activeDocs, List<String> loadedDocs, List<String> inMemoryDocs,
            long calls, long selections, long cacheHits, long cacheLookups, long cacheAdded,
            long cacheReplaced, long cacheBytesAdded, boolean saturated) {
    }

    public static final String USER_DIRECTORY = "CORP";
    private static final String[] TOPICS = {"Sales", "Finance", "HR", "Operations", "Logistics", "Marketing",
        "Procurement", "Support"};
    private static final String[] GROUPS = {"Sales", "Finance", "IT", "Management"};

    private final long seed;
    private final Duration step;
    private final Instant epoch;
    private final List<App> apps;
    private final List<String> users;

    /**
     * @param seed makes the site reproducible
     * @param appCount apps in the repository
     * @param userCount users who may log in
     * @param step how often values change
     * @param epoch the simulator's start; engines report it as {@code started}
     */
    public SenseWorld(long seed, int appCount, int userCount, Duration step, Instant epoch) {
        this.seed = seed;
        this.step = step.isZero() || step.isNegative() ? Duration.ofSeconds(1) : step;
        this.epoch = epoch;
        List<App> appList = new ArrayList<>(appCount);
        for (int i = 0; i < appCount; i++) {
            String id = uuid("app", i).toString();
            String topic = TOPICS[i % TOPICS.length];
            appList.add(new App(id, topic + " dashboard " + (i / TOPICS.length + 1), topic));
        }
        this.apps = List.copyOf(appList);
        List<String> userList = new ArrayList<>(userCount);
        for (int i = 0; i < userCount; i++) {
            userList.add(String.format("user%03d", i + 1));
        }
        this.users = List.copyOf(userList);
    }

    public List<App> apps() {
        return apps;
    }

    public List<String> users() {
        return users;
    }

    public Instant epoch() {
        return epoch;
    }

    public long seed() {
        return seed;
    }

    /** The step number at a moment: 0 at the epoch, then one more per step. */
    public long stepAt(Instant time) {
        long ms = Math.max(0, Duration.between(epoch, time).toMillis());
        return ms / step.toMillis();
    }

    /** The engine of a node at a moment. */
    public EngineState engineAt(String node, Instant time) {
        long s = stepAt(time);
        long n = mix(seed, node.hashCode());
        List<String> loaded = new ArrayList<>();
        List<String> active = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            // An app stays loaded for a few steps, then unloads; which ones depends on the node.
            if (Math.floorMod(mix(n, i, (s + i) / 4), 3) == 0) {
                loaded.add(apps.get(i).id());
                if (Math.floorMod(mix(n, i, s, 7), 2) == 0) {
                    active.add(apps.get(i).id());
                }
            }
        }
        if (Math.floorMod(s, 5) < 2) {
            String sessionApp = "SessionApp_" + Long.toHexString(mix(n, s / 5) & 0xffffffL);
            active.add(sessionApp);
            loaded.add(sessionApp);
        }
        int sessionsActive = 0;
        int usersActive = 0;
        for (int u = 0; u < users.size(); u++) {
            if (isLoggedIn(n, u, s)) {
                usersActive++;
                sessionsActive += 1 + Math.floorMod(mix(n, u, 3), 2);
            }
        }
        double wave = Math.sin(s / 6.0);
        double committed = round1(1500 + 400 * wave + 120.0 * loaded.size());
        double allocated = round1(committed * 1.15);
        double totalPhysical = 32_768.0;
        long calls = 1000 + s * 37 + Math.floorMod(mix(n, s), 50);
        long selections = 200 + s * 11 + Math.floorMod(mix(n, s, 1), 20);
        long lookups = 500 + s * 23;
        long hits = lookups / 2 + Math.floorMod(mix(n, s, 2), lookups / 4 + 1);
        return new EngineState(committed, allocated, round1(totalPhysical - allocated), totalPhysical,
                (int) Math.floorMod(mix(n, s, 9), 60), sessionsActive, sessionsActive + 2,
                usersActive, usersActive + 1, List.copyOf(active), List.copyOf(loaded), List.copyOf(loaded),
                calls, selections, hits, lookups, s * 3, s, s * 40_960, Math.floorMod(mix(n, s, 5), 50) == 0);
    }

    /** Proxy sessions of a node's virtual proxy at a moment. */
    public List<Session> sessionsAt(String node, String virtualProxy, Instant time) {
        long s = stepAt(time);
        long n = mix(seed, node.hashCode(), virtualProxy.hashCode());
        List<Session> sessions = new ArrayList<>();
        for (int u = 0; u < users.size(); u++) {
            if (isLoggedIn(n, u, s)) {
                long period = (s + u) / 6;
                sessions.add(new Session(USER_DIRECTORY, users.get(u),
                        uuid(node + virtualProxy + users.get(u), period).toString(), GROUPS[u % GROUPS.length]));
            }
        }
        return sessions;
    }

    /** A user is logged in for six steps at a time, in about one of three periods. */
    private static boolean isLoggedIn(long node, int user, long step) {
        long period = (step + user) / 6;
        return Math.floorMod(mix(node, user, period), 3) == 0;
    }

    private UUID uuid(String kind, long index) {
        return UUID.nameUUIDFromBytes((seed + "/" + kind + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A stable 64-bit mix (SplitMix64 finaliser) of several values. */
    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h ^= v;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
