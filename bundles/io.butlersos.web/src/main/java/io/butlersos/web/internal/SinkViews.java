package io.butlersos.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.sink.SinkStatus;

/** The delivery counters of every sink, as the status page shows them. */
final class SinkViews {

    private SinkViews() {
    }

    static List<Object> of(List<SinkStatus> sinks) {
        List<Object> out = new ArrayList<>();
        for (SinkStatus s : sinks) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", s.sinkId());
            view.put("name", s.sinkName());
            view.put("target", s.target());
            view.put("attached", s.attached());
            view.put("delivered", s.delivered());
            view.put("batches", s.batches());
            view.put("retries", s.retries());
            view.put("timeouts", s.timeouts());
            view.put("dropped", s.dropped());
            view.put("droppedTotal", s.droppedTotal());
            view.put("queueSize", s.queueSize());
            view.put("queueCapacity", s.queueCapacity());
            view.put("queueFillPct", StatusBoard.round(s.queueCapacity() <= 0 ? 0 : 100.0 * s.queueSize() / s.queueCapacity()));
            view.put("writeTimeAvgMs", StatusBoard.round(s.writeTimeAvgMs()));
            view.put("writeTimeMaxMs", StatusBoard.round(s.writeTimeMaxMs()));
            view.put("lastSuccess", s.lastSuccess());
            view.put("lastError", s.lastError() == null ? null : StatusBoard.shorten(s.lastError()));
            view.put("lastErrorTime", s.lastErrorTime());
            out.add(view);
        }
        return out;
    }
}
