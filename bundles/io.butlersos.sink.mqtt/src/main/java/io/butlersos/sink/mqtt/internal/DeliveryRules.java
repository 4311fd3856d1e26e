package io.butlersos.sink.mqtt.internal;

import java.util.ArrayList;
import java.util.List;

/** QoS and retain per signal type: type patterns ({@code *}, {@code sense.*}, {@code event.log}), first match wins. */
final class DeliveryRules {

    private record QosRule(String pattern, int qos) {
    }

    private final int defaultQos;
    private final List<QosRule> qosRules;
    private final List<String> retainPatterns;

    DeliveryRules(int defaultQos, List<String> qosByType, List<String> retainTypes) {
        this.defaultQos = checkQos("qos", defaultQos);
        this.qosRules = new ArrayList<>();
        for (String entry : qosByType) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("qos.by.type entry '" + entry + "' is not type=qos, e.g. event.log=0");
            }
            String qos = entry.substring(eq + 1).trim();
            int value;
            try {
                value = Integer.parseInt(qos);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("qos.by.type entry '" + entry + "': QoS must be 0, 1 or 2");
            }
            qosRules.add(new QosRule(entry.substring(0, eq).trim(), checkQos("qos.by.type entry '" + entry + "'", value)));
        }
        this.retainPatterns = retainTypes.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
    }

    int qos(String type) {
        for (QosRule rule : qosRules) {
            if (matches(rule.pattern(), type)) {
                return rule.qos();
            }
        }
        return defaultQos;
    }

    boolean retain(String type) {
        for (String pattern : retainPatterns) {
            if (matches(pattern, type)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }

    private static int checkQos(String key, int qos) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException(key + ": QoS must be 0, 1 or 2, not " + qos);
        }
        return qos;
    }
}
