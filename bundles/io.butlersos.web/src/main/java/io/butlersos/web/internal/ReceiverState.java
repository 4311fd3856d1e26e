package io.butlersos.web.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.butlersos.api.events.ReceiverMetrics;

/** One UDP receiver on the status page: its latest interval, rates, totals and recent history. */
final class ReceiverState {

    final String queueType;
    ReceiverMetrics latest;
    private long receivedSinceStart;
    private long droppedSinceStart;
    private final Map<String, Long> droppedByReason = new TreeMap<>();
    private final Map<String, TimeSeries> lines = new LinkedHashMap<>();

    ReceiverState(String queueType, int points) {
        this.queueType = queueType;
        resize(points);
    }

    void resize(int points) {
        lines.put("received", new TimeSeries(points));
        lines.put("dropped", new TimeSeries(points));
    }

    void metrics(ReceiverMetrics m) {
        latest = m;
        receivedSinceStart += m.received();
        droppedSinceStart += m.droppedTotal();
        m.dropped().forEach((reason, count) -> {
            if (droppedByReason.size() < 64 || droppedByReason.containsKey(reason)) {
                droppedByReason.merge(reason, count, Long::sum);
            }
        });
        double seconds = intervalSeconds(m);
        long t = m.time().toEpochMilli();
        lines.get("received").add(t, m.received() / seconds);
        lines.get("dropped").add(t, m.droppedTotal() / seconds);
    }

    void trim(long oldestEpochMillis) {
        lines.values().forEach(l -> l.trim(oldestEpochMillis));
    }

    /** The interval's length in seconds; never zero, so rates stay finite. */
    static double intervalSeconds(ReceiverMetrics m) {
        if (m.intervalStart() == null) {
            return 1;
        }
        double seconds = Duration.between(m.intervalStart(), m.time()).toMillis() / 1000.0;
        return seconds > 0 ? seconds : 1;
    }

    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        double seconds = intervalSeconds(latest);
        view.put("queueType", queueType);
        view.put("host", latest.origin());
        view.put("lastReport", latest.time());
        view.put("intervalS", StatusBoard.round(seconds));
        view.put("receivedPerS", StatusBoard.round(latest.received() / seconds));
        view.put("processedPerS", StatusBoard.round(latest.processed() / seconds));
        view.put("droppedPerS", StatusBoard.round(latest.droppedTotal() / seconds));
        view.put("failed", latest.failed());
        view.put("droppedInterval", new TreeMap<>(latest.dropped()));
        view.put("queueSize", latest.queueSize());
        view.put("queueMaxSize", latest.queueMaxSize());
        view.put("queueFillPct", StatusBoard.round(latest.utilizationPct()));
        view.put("backpressure", latest.backpressureActive());
        view.put("processingP95Ms", StatusBoard.round(latest.processingTimeP95Ms()));
        view.put("receivedSinceStart", receivedSinceStart);
        view.put("droppedSinceStart", droppedSinceStart);
        view.put("droppedByReason", new TreeMap<>(droppedByReason));
        view.put("history", StatusBoard.chart(lines));
        return view;
    }
}
