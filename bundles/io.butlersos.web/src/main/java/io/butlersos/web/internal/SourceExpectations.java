package io.butlersos.web.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;

/**
 * Which sources readiness waits for, read from their Config Admin configurations: each Sense server
 * ({@code io.butlersos.sense.server} factory) must answer its health check, and each enabled UDP
 * receiver ({@code io.butlersos.events.log}, {@code io.butlersos.events.user}) must report its metrics,
 * within the grace of its own interval.
 */
final class SourceExpectations {

    static final String SENSE_SERVER_FACTORY = "io.butlersos.sense.server";
    static final String LOG_RECEIVER = "io.butlersos.events.log";
    static final String USER_RECEIVER = "io.butlersos.events.user";
    /** The configuration filter that finds all of them at once. */
    static final String FILTER = "(|(service.factoryPid=" + SENSE_SERVER_FACTORY + ")(service.pid=" + LOG_RECEIVER
            + ")(service.pid=" + USER_RECEIVER + "))";

    /** The defaults of those bundles, used when a configuration leaves the interval out. */
    static final long DEFAULT_HEALTH_INTERVAL_MS = 30_000;
    static final long DEFAULT_METRICS_INTERVAL_S = 20;

    /** One configuration as Config Admin holds it. */
    record Config(String pid, String factoryPid, Dictionary<String, Object> properties) {
    }

    private SourceExpectations() {
    }

    static List<SourceExpectation> of(List<Config> configs, int graceIntervals) {
        List<SourceExpectation> out = new ArrayList<>();
        for (Config c : configs) {
            Dictionary<String, Object> p = c.properties();
            if (SENSE_SERVER_FACTORY.equals(c.factoryPid())) {
                String name = text(p.get("server.name"));
                if (name.isEmpty()) {
                    continue; // the sense bundle refuses it with its own error; nothing will poll
                }
                long interval = number(p.get("health.interval.ms"), DEFAULT_HEALTH_INTERVAL_MS);
                out.add(new SourceExpectation(SourceExpectation.SENSE_SERVER, name, c.pid(),
                        Duration.ofMillis(interval * graceIntervals)));
            } else if (LOG_RECEIVER.equals(c.pid()) || USER_RECEIVER.equals(c.pid())) {
                if (!flag(p.get("enabled"), true) || !flag(p.get("metrics.enabled"), true)) {
                    continue;
                }
                long interval = number(p.get("metrics.interval.s"), DEFAULT_METRICS_INTERVAL_S);
                String queueType = LOG_RECEIVER.equals(c.pid()) ? "log_events" : "user_events";
                out.add(new SourceExpectation(SourceExpectation.UDP_RECEIVER, queueType, c.pid(),
                        Duration.ofSeconds(interval * graceIntervals)));
            }
        }
        out.sort(Comparator.comparing(SourceExpectation::kind).thenComparing(SourceExpectation::name));
        return out;
    }

    private static String text(Object value) {
        if (value instanceof String[] a) {
            return a.length == 0 ? "" : a[0].trim();
        }
        return value == null ? "" : value.toString().trim();
    }

    /** A number as a typed .config or a .cfg string holds it; unreadable means the default. */
    static long number(Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue() > 0 ? n.longValue() : fallback;
        }
        try {
            long parsed = Long.parseLong(text(value).replace("_", ""));
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static boolean flag(Object value, boolean fallback) {
        if (value instanceof Boolean b) {
            return b;
        }
        String t = text(value);
        return t.isEmpty() ? fallback : Boolean.parseBoolean(t);
    }
}
