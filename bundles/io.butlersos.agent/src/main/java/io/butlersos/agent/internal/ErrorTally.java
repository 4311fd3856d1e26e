package io.butlersos.agent.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.agent.health.ErrorSummary;
import io.butlersos.api.agent.health.ErrorSummary.ErrorCount;

/**
 * The counting behind the error tracker: errors per (type, server, category) for the current UTC
 * day. When the day changes, the finished day is kept as the previous day and counting starts
 * from zero. Thread-safe; it never logs or publishes anything itself.
 */
final class ErrorTally {

    private record Key(String errorType, String serverName, String category) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::errorType)
            .thenComparing(Key::serverName).thenComparing(Key::category);

    private final Clock clock;
    private LocalDate day;
    private final Map<Key, Long> counts = new TreeMap<>(ORDER);
    private long total;
    private long changes;
    private ErrorSummary previous;

    ErrorTally(Clock clock) {
        this.clock = clock;
        this.day = today();
    }

    /** Counts one error; returns the finished day if this error is the first of a new day. */
    synchronized Optional<ErrorSummary> count(ErrorSignal error) {
        Optional<ErrorSummary> finished = rollIfNewDay();
        Key key = new Key(text(error.errorType(), "UNKNOWN"), text(error.serverName(), ""),
                error.category() == null ? "unknown" : error.category().label());
        counts.merge(key, 1L, Long::sum);
        total++;
        changes++;
        return finished;
    }

    /** Ends the day if the UTC date has changed since counting began; returns the finished day. */
    synchronized Optional<ErrorSummary> rollIfNewDay() {
        LocalDate now = today();
        if (now.equals(day)) {
            return Optional.empty();
        }
        previous = snapshot();
        counts.clear();
        total = 0;
        changes++;
        day = now;
        return Optional.of(previous);
    }

    synchronized ErrorSummary snapshot() {
        List<ErrorCount> list = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> list.add(new ErrorCount(k.errorType(), k.serverName(), k.category(), n)));
        return new ErrorSummary(day, total, list);
    }

    synchronized Optional<ErrorSummary> previous() {
        return Optional.ofNullable(previous);
    }

    /** Grows with every counted error and every day change; lets a logger see whether anything happened. */
    synchronized long changes() {
        return changes;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * One line for the log: total, then per error type its count, servers and categories. Long
     * lists are cut after {@code maxTypes} types, so one line stays readable.
     */
    static String describe(ErrorSummary summary, int maxTypes) {
        if (summary.total() == 0) {
            return "no errors";
        }
        Map<String, List<ErrorCount>> byType = summary.counts().stream()
                .collect(Collectors.groupingBy(ErrorCount::errorType, TreeMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder("total=").append(summary.total());
        int shown = 0;
        for (Map.Entry<String, List<ErrorCount>> entry : byType.entrySet()) {
            if (shown++ == maxTypes) {
                out.append("; ... ").append(byType.size() - maxTypes).append(" more types");
                break;
            }
            long typeTotal = entry.getValue().stream().mapToLong(ErrorCount::count).sum();
            Map<String, Long> servers = new TreeMap<>();
            Map<String, Long> categories = new TreeMap<>();
            for (ErrorCount c : entry.getValue()) {
                servers.merge(c.serverName().isEmpty() ? "_no_server_context" : c.serverName(), c.count(), Long::sum);
                categories.merge(c.category(), c.count(), Long::sum);
            }
            out.append("; ").append(entry.getKey()).append('=').append(typeTotal)
                    .append(" servers").append(servers).append(" categories").append(categories);
        }
        return out.toString();
    }
}
