package io.butlersos.sink.newrelic.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;

/**
 * Which log events an account gets: by level ({@code log.levels}) and, when {@code log.sources} is set, by
 * Sense service, each optionally with levels of its own ({@code engine}, {@code proxy=ERROR|FATAL}). This is
 * Butler SOS's {@code logEvents.sendToNewRelic.source.<service>.logLevel} switches.
 */
final class LogFilter {

    private static final Set<String> SERVICES = Set.of("engine", "proxy", "repository", "scheduler");

    private final Set<String> levels;
    /** Empty: every service at {@link #levels}. */
    private final Map<LogSource, Set<String>> sources = new EnumMap<>(LogSource.class);

    LogFilter(String[] levels, String[] sources) {
        this.levels = levelSet(String.join("|", levels));
        for (String entry : sources) {
            int eq = entry.indexOf('=');
            String service = (eq < 0 ? entry : entry.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!SERVICES.contains(service)) {
                throw new IllegalArgumentException("log.sources entries are a Sense service (engine, proxy, repository, "
                        + "scheduler) with optional levels, e.g. proxy=ERROR|WARN; not '" + entry + "'");
            }
            this.sources.put(LogSource.valueOf(service.toUpperCase(Locale.ROOT)),
                    eq < 0 ? this.levels : levelSet(entry.substring(eq + 1)));
        }
    }

    boolean accepts(LogEvent event) {
        Set<String> wanted = sources.isEmpty() ? levels : sources.get(event.header().source());
        return wanted != null && wanted.contains(event.header().level());
    }

    private static Set<String> levelSet(String text) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String level : text.split("[|,]")) {
            if (!level.isBlank()) {
                set.add(level.trim().toUpperCase(Locale.ROOT));
            }
        }
        return set;
    }
}
