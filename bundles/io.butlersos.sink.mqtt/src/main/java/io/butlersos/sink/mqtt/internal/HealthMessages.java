package io.butlersos.sink.mqtt.internal;

import java.util.ArrayList;
import java.util.List;

import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.HealthSample;

/**
 * A health sample as Butler SOS published it: one value per topic under {@code <base><host>/}, each
 * payload the value's text. Values Sense did not send are left out (Butler SOS would have published
 * {@code undefined} or failed).
 */
final class HealthMessages {

    private final String baseTopic;
    private final boolean byServerName;

    HealthMessages(String baseTopic, boolean byServerName) {
        this.baseTopic = baseTopic;
        this.byServerName = byServerName;
    }

    List<OutgoingMessage> map(HealthSample sample) {
        String key = byServerName ? sample.origin() : sample.tags().getOrDefault("host", sample.origin());
        String prefix = baseTopic + Topics.level(key) + "/";
        List<OutgoingMessage> out = new ArrayList<>(22);
        Adder add = (suffix, value) -> {
            if (value != null) {
                out.add(new OutgoingMessage(prefix + suffix, value));
            }
        };
        add.put("version", sample.version());
        add.put("started", sample.started());
        add.put("mem/comitted", number(sample.mem().committed())); // sic: Butler SOS's topic has one "m"
        add.put("mem/allocated", number(sample.mem().allocated()));
        add.put("mem/free", number(sample.mem().free()));
        add.put("cpu/total", number(sample.cpuTotal()));
        add.put("session/active", text(sample.session().active()));
        add.put("session/total", text(sample.session().total()));
        add.put("apps/active_docs", ids(sample.apps().active()));
        add.put("apps/loaded_docs", ids(sample.apps().loaded()));
        add.put("apps/in_memory_docs", ids(sample.apps().inMemory()));
        add.put("apps/calls", text(sample.apps().calls()));
        add.put("apps/selections", text(sample.apps().selections()));
        add.put("users/active", text(sample.users().active()));
        add.put("users/total", text(sample.users().total()));
        add.put("cache/hits", text(sample.cache().hits()));
        add.put("cache/lookups", text(sample.cache().lookups()));
        add.put("cache/added", text(sample.cache().added()));
        add.put("cache/replaced", text(sample.cache().replaced()));
        add.put("cache/bytes_added", text(sample.cache().bytesAdded()));
        add.put("cache/hit_ratio", text(sample.cache().hitRatioPercent())); // only when lookups > 0
        add.put("saturated", sample.saturated() == null ? null : sample.saturated().toString());
        return out;
    }

    private interface Adder {
        void put(String suffix, String value);
    }

    private static String number(Double value) {
        return value == null ? null : JsNumbers.format(value);
    }

    private static String text(Long value) {
        return value == null ? null : value.toString();
    }

    /** The ids as the engine listed them, joined by commas (JavaScript's array toString). */
    private static String ids(DocList list) {
        return list == null ? null : String.join(",", list.ids());
    }
}
