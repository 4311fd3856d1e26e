package io.butlersos.sense.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.json.JsonFormatException;
import io.butlersos.api.json.JsonReader;
import io.butlersos.api.sense.ProxySession;
import io.butlersos.api.sense.ProxySessions;

/** Turns a proxy's session list into {@link ProxySessions}, marking users on the exclude list. */
final class SessionParser {

    private SessionParser() {
    }

    @SuppressWarnings("unchecked")
    static ProxySessions parse(String body, Instant time, ServerSettings server, String virtualProxy)
            throws JsonFormatException {
        Object parsed = JsonReader.parse(body);
        if (!(parsed instanceof List<?> items)) {
            throw new JsonFormatException("the answer is JSON but not an array of sessions");
        }
        List<ProxySession> sessions = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof Map<?, ?>)) {
                continue;
            }
            Map<String, Object> s = (Map<String, Object>) item;
            String directory = JsonValues.string(s, "UserDirectory");
            String user = JsonValues.string(s, "UserId");
            boolean excluded = server.excludedUsers().contains(directory + "\\" + user);
            sessions.add(new ProxySession(directory, user, JsonValues.string(s, "SessionId"), attributes(s), excluded));
        }
        return new ProxySessions(time, server.serverName(), server.tags(), virtualProxy,
                server.proxy().authority(), sessions);
    }

    private static List<Map<String, String>> attributes(Map<String, Object> session) {
        Object value = session.get("Attributes");
        List<Map<String, String>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, String> entry = new LinkedHashMap<>();
                    map.forEach((k, v) -> entry.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
                    out.add(entry);
                }
            }
        }
        return out;
    }
}
