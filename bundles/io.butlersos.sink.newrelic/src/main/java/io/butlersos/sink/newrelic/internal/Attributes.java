package io.butlersos.sink.newrelic.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The configured static attributes plus the chosen dynamic ones, fixed at activation. */
final class Attributes {

    private final Map<String, Object> all;

    private Attributes(Map<String, Object> all) {
        this.all = Collections.unmodifiableMap(all);
    }

    /**
     * @param statics {@code name=value} entries
     * @param dynamics names of computed attributes: {@code butlerSosVersion}, {@code hostName}
     * @param version the agent's version
     */
    static Attributes of(String[] statics, String[] dynamics, String version) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String entry : statics == null ? new String[0] : statics) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("static.attributes entries are name=value, not '" + entry + "'");
            }
            all.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        for (String name : dynamics == null ? new String[0] : dynamics) {
            switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "" -> { }
                case "butlersosversion" -> all.put("butlerSosVersion", version);
                case "hostname" -> all.put("hostName", hostName());
                default -> throw new IllegalArgumentException(
                        "dynamic.attributes knows butlerSosVersion and hostName, not '" + name + "'");
            }
        }
        return new Attributes(all);
    }

    Map<String, Object> asMap() {
        return all;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
