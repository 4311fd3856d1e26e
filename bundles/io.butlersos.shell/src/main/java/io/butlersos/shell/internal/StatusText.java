package io.butlersos.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.butlersos.api.agent.health.ErrorSummary;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.api.sink.SinkStatus;

/** The text of the {@code sos:} commands, from plain data, so it can be tested without a framework. */
final class StatusText {

    private StatusText() {
    }

    static String sinks(List<SinkStatus> sinks) {
        if (sinks.isEmpty()) {
            return "No sinks.\n";
        }
        Table table = new Table("SINK", "ID", "ATTACHED", "DELIVERED", "BATCHES", "RETRIES", "DROPPED", "QUEUE",
                "WRITE AVG/MAX MS", "LAST SUCCESS", "LAST ERROR", "TARGET");
        for (SinkStatus s : sinks) {
            table.row(s.sinkName(), s.sinkId(), s.attached() ? "yes" : "NO", s.delivered(), s.batches(), s.retries(),
                    dropped(s), s.queueSize() + "/" + s.queueCapacity(),
                    String.format(Locale.ROOT, "%.1f/%.1f", s.writeTimeAvgMs(), s.writeTimeMaxMs()),
                    s.lastSuccess(), s.lastError() == null ? null : s.lastErrorTime() + " " + s.lastError(),
                    s.target().isEmpty() ? null : s.target());
        }
        return table.toString();
    }

    private static String dropped(SinkStatus s) {
        if (s.droppedTotal() == 0) {
            return "0";
        }
        StringBuilder text = new StringBuilder().append(s.droppedTotal()).append(" (");
        s.dropped().forEach((reason, count) -> {
            if (count > 0) {
                text.append(reason).append(' ').append(count).append(", ");
            }
        });
        text.setLength(text.length() - 2);
        return text.append(')').toString();
    }

    static String servers(List<SenseState.Server> servers, Optional<ErrorSummary> today, Instant now) {
        if (servers.isEmpty()) {
            return "No Sense server has answered yet.\n";
        }
        Table table = new Table("SERVER", "LAST HEALTH", "VERSION", "UPTIME", "CPU %", "FREE MEM MB", "APPS IN MEMORY",
                "SESSIONS", "USERS", "SATURATED", "PROXY SESSIONS", "ERRORS TODAY");
        for (SenseState.Server server : servers) {
            HealthSample h = server.health();
            table.row(server.name(),
                    h == null ? null : h.time() + " (" + age(Duration.between(h.time(), now)) + " ago)",
                    h == null ? null : h.version(),
                    h == null ? null : h.uptimeText().isEmpty() ? null : h.uptimeText(),
                    h == null || h.cpuTotal() == null ? null : String.format(Locale.ROOT, "%.0f", h.cpuTotal()),
                    h == null || h.mem().free() == null ? null : String.format(Locale.ROOT, "%.1f", h.mem().free()),
                    h == null || h.apps().inMemory() == null ? null : h.apps().inMemory().count(),
                    h == null ? null : h.session().active() + "/" + h.session().total(),
                    h == null ? null : h.users().active() + "/" + h.users().total(),
                    h == null || h.saturated() == null ? null : h.saturated() ? "YES" : "no",
                    proxySessions(server.sessions()),
                    today.map(t -> errorsOf(t, server.name())).orElse(null));
        }
        return table.toString();
    }

    private static String proxySessions(List<ProxySessions> proxies) {
        if (proxies.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (ProxySessions p : proxies) {
            text.append(text.length() == 0 ? "" : ", ").append(p.virtualProxy()).append(' ').append(p.sessionCount());
        }
        return text.toString();
    }

    private static long errorsOf(ErrorSummary summary, String server) {
        return summary.counts().stream().filter(c -> server.equals(c.serverName())).mapToLong(ErrorSummary.ErrorCount::count).sum();
    }

    static String status(Duration uptime, List<SenseState.Server> servers, Optional<List<SinkStatus>> sinks,
            Optional<ErrorSummary> today, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("Butler SOS for Java, up ").append(age(uptime)).append('\n');

        long answered = servers.stream().filter(s -> s.health() != null).count();
        long stale = servers.stream().filter(s -> s.health() != null
                && Duration.between(s.health().time(), now).compareTo(Duration.ofMinutes(5)) > 0).count();
        out.append("Sense servers: ").append(servers.size()).append(" seen, ").append(answered).append(" with health data");
        if (stale > 0) {
            out.append(", ").append(stale).append(" silent for more than 5 min");
        }
        out.append('\n');

        if (sinks.isEmpty()) {
            out.append("Sinks: delivery core not running\n");
        } else {
            List<SinkStatus> list = sinks.get();
            long detached = list.stream().filter(s -> !s.attached()).count();
            out.append("Sinks: ").append(list.size()).append(" (").append(detached).append(" detached), delivered ")
                    .append(list.stream().mapToLong(SinkStatus::delivered).sum()).append(", dropped ")
                    .append(list.stream().mapToLong(SinkStatus::droppedTotal).sum()).append(", waiting ")
                    .append(list.stream().mapToLong(SinkStatus::queueSize).sum()).append('\n');
            list.stream().filter(s -> s.lastError() != null && (s.lastSuccess() == null || s.lastErrorTime().isAfter(s.lastSuccess())))
                    .forEach(s -> out.append("  failing: ").append(s.sinkName()).append(" (").append(s.sinkId()).append("): ")
                            .append(s.lastError()).append('\n'));
        }

        if (today.isEmpty()) {
            out.append("Errors today: error tracking not running\n");
        } else {
            ErrorSummary summary = today.get();
            out.append("Errors today (UTC ").append(summary.day()).append("): ").append(summary.total()).append('\n');
            for (ErrorSummary.ErrorCount c : summary.counts()) {
                out.append("  ").append(c.errorType()).append(c.serverName().isEmpty() ? "" : " " + c.serverName())
                        .append(' ').append(c.category()).append(": ").append(c.count()).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code 2d 03:04:05}, {@code 03:04:05} under a day. */
    static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", (s % 86_400) / 3_600, (s % 3_600) / 60, s % 60);
        return s >= 86_400 ? (s / 86_400) + "d " + time : time;
    }
}
