package io.butlersos.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.butlersos.api.json.JsonFormatException;
import io.butlersos.api.json.JsonReader;

/**
 * What a load run needs from the agent's {@code GET /api/status} (web bundle): the delivery counters
 * of every sink (from the core's {@code DeliveryMonitor}) and the totals of every UDP receiver (from
 * its {@code event.receiver} reports, so they move once per {@code metrics.interval.s}).
 *
 * @param sinks by sink name
 * @param receivers by queue type ({@code log_events}, {@code user_events})
 */
record AgentStatus(Map<String, SinkCounts> sinks, Map<String, ReceiverCounts> receivers) {

    /** One sink's delivery counters. */
    record SinkCounts(String name, boolean attached, long delivered, Map<String, Long> dropped, long queueSize) {

        long droppedTotal() {
            return dropped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * One receiver's totals since the agent started.
     *
     * @param lastReport the time of its latest report, as the page gives it (changes with every report)
     */
    record ReceiverCounts(String queueType, String lastReport, long receivedSinceStart, Map<String, Long> droppedByReason,
            long queueSize) {

        long droppedTotal() {
            return droppedByReason.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    SinkCounts sink(String name) {
        return sinks.get(name);
    }

    ReceiverCounts receiver(String queueType) {
        return receivers.get(queueType);
    }

    /** Reads the page's JSON; members the page does not carry (yet) are taken as zero or empty. */
    static AgentStatus parse(String json) throws JsonFormatException {
        if (!(JsonReader.parse(json) instanceof Map<?, ?> root)) {
            throw new JsonFormatException("the status is not a JSON object");
        }
        Map<String, SinkCounts> sinks = new LinkedHashMap<>();
        for (Map<?, ?> s : objects(root.get("sinks"))) {
            String name = String.valueOf(s.get("name"));
            sinks.put(name, new SinkCounts(name, Boolean.TRUE.equals(s.get("attached")), number(s.get("delivered")),
                    counts(s.get("dropped")), number(s.get("queueSize"))));
        }
        Map<String, ReceiverCounts> receivers = new LinkedHashMap<>();
        for (Map<?, ?> r : objects(root.get("receivers"))) {
            String queueType = String.valueOf(r.get("queueType"));
            receivers.put(queueType, new ReceiverCounts(queueType, String.valueOf(r.get("lastReport")),
                    number(r.get("receivedSinceStart")), counts(r.get("droppedByReason")), number(r.get("queueSize"))));
        }
        return new AgentStatus(sinks, receivers);
    }

    private static List<Map<?, ?>> objects(Object array) {
        if (!(array instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
    }

    private static Map<String, Long> counts(Object object) {
        Map<String, Long> out = new TreeMap<>();
        if (object instanceof Map<?, ?> map) {
            map.forEach((key, value) -> out.put(String.valueOf(key), number(value)));
        }
        return out;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
