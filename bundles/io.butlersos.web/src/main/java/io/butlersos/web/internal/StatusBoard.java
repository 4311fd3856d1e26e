package io.butlersos.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.events.EventCount;
import io.butlersos.api.events.EventCounts;
import io.butlersos.api.events.ReceiverMetrics;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;

/**
 * What the status page shows, kept in memory and bounded: the latest state of each Sense server and
 * UDP receiver, their recent history for the charts, the newest errors and the event counts. Fed by
 * {@link StatusCollector} (the core's worker thread), read by the servlets; every method locks the
 * board, and readers get copies.
 */
final class StatusBoard {

    /** Most Sense servers tracked; beyond it the one silent the longest is forgotten. */
    static final int MAX_SERVERS = 500;
    /** Most distinct event sources counted. */
    static final int MAX_EVENT_KEYS = 2_000;
    /** Longest error message kept, in characters. */
    static final int MAX_MESSAGE = 500;
    /** Points per chart line sent to the page; charts are a few hundred pixels wide. */
    static final int POINTS_PER_CHART = 360;

    /** The bounds of the board. */
    record Limits(Duration history, int pointsPerLine, int errorsKept) {
    }

    private final Clock clock;
    private Limits limits;

    private final Map<String, ServerState> servers = new TreeMap<>();
    private final Map<String, ReceiverState> receivers = new TreeMap<>();
    private final ArrayDeque<ErrorSignal> errors = new ArrayDeque<>();
    private final Map<String, ErrorSignal> lastErrorByServer = new TreeMap<>();
    private final Map<List<String>, long[]> eventTotals = new TreeMap<>(StatusBoard::compareKeys);
    private Instant eventsIntervalEnd;
    private long eventsLastInterval;
    private AgentStats agent;
    private long signalsSeen;

    StatusBoard(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    synchronized void limits(Limits newLimits) {
        if (newLimits.pointsPerLine() != limits.pointsPerLine()) {
            servers.values().forEach(s -> s.resize(newLimits.pointsPerLine()));
            receivers.values().forEach(r -> r.resize(newLimits.pointsPerLine()));
        }
        this.limits = newLimits;
        while (errors.size() > newLimits.errorsKept()) {
            errors.removeLast();
        }
    }

    /** Takes one signal; types the page does not show are ignored. */
    synchronized void accept(Signal signal) {
        signalsSeen++;
        if (signal instanceof HealthSample h) {
            server(h.origin()).health(h);
        } else if (signal instanceof ProxySessions p) {
            server(p.origin()).sessions(p);
        } else if (signal instanceof ErrorSignal e) {
            error(e);
        } else if (signal instanceof ReceiverMetrics m) {
            receivers.computeIfAbsent(m.queueType(), q -> new ReceiverState(q, limits.pointsPerLine())).metrics(m);
        } else if (signal instanceof EventCounts c) {
            counts(c);
        } else if (signal instanceof AgentStats a) {
            agent = a;
        }
        trim();
    }

    private ServerState server(String name) {
        ServerState state = servers.get(name);
        if (state == null) {
            if (servers.size() >= MAX_SERVERS) {
                servers.values().stream().min((a, b) -> a.lastSeen().compareTo(b.lastSeen()))
                        .ifPresent(oldest -> servers.remove(oldest.name));
            }
            state = new ServerState(name, limits.pointsPerLine());
            servers.put(name, state);
        }
        return state;
    }

    private void error(ErrorSignal e) {
        errors.addFirst(e);
        while (errors.size() > limits.errorsKept()) {
            errors.removeLast();
        }
        if (!e.serverName().isEmpty()) {
            if (lastErrorByServer.size() < MAX_SERVERS || lastErrorByServer.containsKey(e.serverName())) {
                lastErrorByServer.put(e.serverName(), e);
            }
        }
    }

    private void counts(EventCounts c) {
        long interval = 0;
        for (EventCount count : c.counts()) {
            interval += count.counter();
            List<String> key = List.of(count.eventType(), count.source());
            long[] totals = eventTotals.get(key);
            if (totals == null) {
                if (eventTotals.size() >= MAX_EVENT_KEYS) {
                    continue;
                }
                totals = new long[2];
                eventTotals.put(key, totals);
            }
            totals[1] += count.counter();
        }
        // Column 0 holds the latest interval's count: reset every key, then add the new interval.
        for (long[] totals : eventTotals.values()) {
            totals[0] = 0;
        }
        for (EventCount count : c.counts()) {
            long[] totals = eventTotals.get(List.of(count.eventType(), count.source()));
            if (totals != null) {
                totals[0] += count.counter();
            }
        }
        eventsIntervalEnd = c.time();
        eventsLastInterval = interval;
    }

    private void trim() {
        long oldest = clock.millis() - limits.history().toMillis();
        Iterator<ServerState> it = servers.values().iterator();
        while (it.hasNext()) {
            ServerState s = it.next();
            s.trim(oldest);
            if (s.lastSeen().toEpochMilli() < oldest) {
                it.remove();
            }
        }
        receivers.values().forEach(r -> r.trim(oldest));
    }

    /** When the server's engine last answered its health check, if it has within the history window. */
    synchronized Optional<Instant> lastHealth(String server) {
        ServerState s = servers.get(server);
        return s == null || s.health == null ? Optional.empty() : Optional.of(s.health.time());
    }

    /** The newest error reported about a server. */
    synchronized Optional<ErrorSignal> lastError(String server) {
        return Optional.ofNullable(lastErrorByServer.get(server));
    }

    /** When the receiver of that queue type last reported its metrics. */
    synchronized Optional<Instant> lastReceiverReport(String queueType) {
        ReceiverState r = receivers.get(queueType);
        return r == null ? Optional.empty() : Optional.of(r.latest.time());
    }

    /** How many signals the board has taken since it started. */
    synchronized long signalsSeen() {
        return signalsSeen;
    }

    /** The page's data, as plain maps and lists ready for {@link io.butlersos.api.json.Json}. */
    synchronized Map<String, Object> snapshot() {
        trim();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", clock.instant());
        out.put("historyMinutes", limits.history().toMinutes());
        out.put("agent", agent == null ? null : agentView(agent));
        List<Object> serverViews = new ArrayList<>();
        servers.values().forEach(s -> serverViews.add(s.view(lastErrorByServer.get(s.name))));
        out.put("servers", serverViews);
        List<Object> errorViews = new ArrayList<>();
        errors.forEach(e -> errorViews.add(errorView(e)));
        out.put("errors", errorViews);
        List<Object> receiverViews = new ArrayList<>();
        receivers.values().forEach(r -> receiverViews.add(r.view()));
        out.put("receivers", receiverViews);
        out.put("events", eventsView());
        out.put("signalsSeen", signalsSeen);
        return out;
    }

    private Map<String, Object> eventsView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("intervalEnd", eventsIntervalEnd);
        view.put("lastInterval", eventsLastInterval);
        view.put("sinceStart", 0L);
        List<Object> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<List<String>, long[]> e : eventTotals.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("eventType", e.getKey().get(0));
            row.put("source", e.getKey().get(1));
            row.put("lastInterval", e.getValue()[0]);
            row.put("sinceStart", e.getValue()[1]);
            total += e.getValue()[1];
            rows.add(row);
        }
        view.put("sinceStart", total);
        view.put("sources", rows);
        return view;
    }

    private static Map<String, Object> agentView(AgentStats a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("instance", a.origin());
        view.put("version", a.version());
        view.put("time", a.time());
        view.put("uptimeS", a.uptime().toSeconds());
        view.put("heapUsedMb", AgentStats.megabytes(a.heapUsedBytes()));
        view.put("heapMaxMb", a.heapMaxBytes() < 0 ? null : AgentStats.megabytes(a.heapMaxBytes()));
        view.put("processMemoryMb", AgentStats.megabytes(a.processMemoryBytes()));
        view.put("threads", a.threadCount());
        return view;
    }

    static Map<String, Object> errorView(ErrorSignal e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("time", e.time());
        view.put("errorType", e.errorType());
        view.put("server", e.serverName());
        view.put("module", e.module());
        view.put("category", e.category().label());
        view.put("message", shorten(e.message()));
        view.put("httpStatus", e.httpStatus() > 0 ? e.httpStatus() : null);
        return view;
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }

    private static int compareKeys(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }

    /** Series of a chart as {@code {"t":[...], "<line>":[...]}}, all lines sharing one time axis. */
    static Map<String, Object> chart(Map<String, TimeSeries> lines) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (Map.Entry<String, TimeSeries> line : lines.entrySet()) {
            List<Object> pairs = new ArrayList<>();
            for (double[] p : line.getValue().points(POINTS_PER_CHART)) {
                pairs.add(List.of((long) p[0], round(p[1])));
            }
            view.put(line.getKey(), pairs);
        }
        return view;
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
