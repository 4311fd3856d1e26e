package io.butlersos.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sink.SinkStatus;

/**
 * Decides whether the agent is ready: every configured source has succeeded recently and every sink
 * is delivering. Pure: it gets the facts and the time, so every rule is tested without a framework.
 */
final class Readiness {

    /** What was learnt about one source or sink. */
    record Check(String kind, String name, boolean ready, String reason, Map<String, Object> details) {
    }

    /** The verdict and its grounds. */
    record Report(boolean ready, Instant checkedAt, List<Check> sources, List<Check> sinks, List<String> problems) {

        Map<String, Object> toJson() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", ready ? "READY" : "NOT_READY");
            out.put("ready", ready);
            out.put("checkedAt", checkedAt);
            out.put("problems", problems);
            out.put("sources", sources.stream().map(Readiness::checkJson).toList());
            out.put("sinks", sinks.stream().map(Readiness::checkJson).toList());
            return out;
        }
    }

    /** The facts readiness reads; lookups return empty when nothing is known. */
    record Facts(List<SourceExpectation> expectations,
            Function<SourceExpectation, Optional<Instant>> lastSuccess,
            Function<SourceExpectation, Optional<ErrorSignal>> lastError,
            List<SinkStatus> sinks) {
    }

    private final int queueFillMaxPct;

    Readiness(int queueFillMaxPct) {
        this.queueFillMaxPct = queueFillMaxPct;
    }

    Report evaluate(Facts facts, Instant now) {
        List<Check> sources = new ArrayList<>();
        for (SourceExpectation expected : facts.expectations()) {
            sources.add(source(expected, facts.lastSuccess().apply(expected), facts.lastError().apply(expected), now));
        }
        List<Check> sinks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (facts.sinks() == null) {
            problems.add("the delivery core (io.butlersos.core) is not running");
        } else {
            for (SinkStatus status : facts.sinks()) {
                sinks.add(sink(status));
            }
        }
        for (Check c : sources) {
            if (!c.ready()) {
                problems.add(c.kind() + " '" + c.name() + "': " + c.reason());
            }
        }
        for (Check c : sinks) {
            if (!c.ready()) {
                problems.add("sink '" + c.name() + "': " + c.reason());
            }
        }
        return new Report(problems.isEmpty(), now, sources, sinks, problems);
    }

    private static Check source(SourceExpectation expected, Optional<Instant> lastSuccess,
            Optional<ErrorSignal> lastError, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pid", expected.pid());
        details.put("maxAgeS", expected.maxAge().toSeconds());
        details.put("lastSuccess", lastSuccess.orElse(null));
        details.put("lastError", lastError.map(StatusBoard::errorView).orElse(null));
        String reason;
        if (lastSuccess.isEmpty()) {
            reason = "no success yet" + lastError.map(e -> "; last error: " + StatusBoard.shorten(e.message())).orElse("");
        } else {
            Duration age = Duration.between(lastSuccess.get(), now);
            details.put("ageS", Math.max(0, age.toSeconds()));
            if (age.compareTo(expected.maxAge()) > 0) {
                reason = "last success " + age.toSeconds() + " s ago, more than " + expected.maxAge().toSeconds()
                        + " s" + lastError.filter(e -> e.time().isAfter(lastSuccess.get()))
                                .map(e -> "; last error: " + StatusBoard.shorten(e.message())).orElse("");
            } else {
                reason = "";
            }
        }
        return new Check(expected.kind(), expected.name(), reason.isEmpty(), reason, details);
    }

    private Check sink(SinkStatus s) {
        Map<String, Object> details = new LinkedHashMap<>();
        double fill = s.queueCapacity() <= 0 ? 0 : 100.0 * s.queueSize() / s.queueCapacity();
        details.put("id", s.sinkId());
        details.put("target", s.target());
        details.put("attached", s.attached());
        details.put("queueSize", s.queueSize());
        details.put("queueCapacity", s.queueCapacity());
        details.put("queueFillPct", StatusBoard.round(fill));
        details.put("delivered", s.delivered());
        details.put("lastSuccess", s.lastSuccess());
        details.put("lastError", s.lastError() == null ? null : StatusBoard.shorten(s.lastError()));
        details.put("lastErrorTime", s.lastErrorTime());
        String reason = "";
        boolean failingNow = s.lastErrorTime() != null
                && (s.lastSuccess() == null || s.lastErrorTime().isAfter(s.lastSuccess()));
        if (!s.attached()) {
            // A sink removed on purpose with nothing left to deliver is history, not a fault.
            if (s.queueSize() > 0) {
                reason = "gone, with " + s.queueSize() + " signals waiting for it";
            }
        } else if (failingNow) {
            reason = "its last write failed: " + StatusBoard.shorten(s.lastError());
        } else if (fill >= queueFillMaxPct) {
            reason = "queue " + Math.round(fill) + "% full (limit " + queueFillMaxPct + "%)";
        }
        return new Check("sink", s.sinkName(), reason.isEmpty(), reason, details);
    }

    private static Map<String, Object> checkJson(Check c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", c.kind());
        out.put("name", c.name());
        out.put("ready", c.ready());
        out.put("reason", c.reason());
        out.putAll(c.details());
        return out;
    }
}
