package io.butlersos.sink.mqtt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.butlersos.api.sense.ProxySession;
import io.butlersos.api.sense.ProxySessions;

/**
 * Proxy sessions as Butler SOS published them: topic {@code <base><proxy host>/usersession<virtual proxy>}
 * ({@code usersession/} for the default proxy {@code /}), payload the proxy's session list as JSON
 * indented by two spaces, every session listed (Butler SOS applied no exclusions here either).
 */
final class SessionMessages {

    private final String baseTopic;

    SessionMessages(String baseTopic) {
        this.baseTopic = baseTopic;
    }

    List<OutgoingMessage> map(ProxySessions sessions) {
        String topic = baseTopic + Topics.level(proxyHost(sessions)) + "/usersession/"
                + Topics.level(virtualProxyName(sessions.virtualProxy()));
        List<Map<String, Object>> body = new ArrayList<>(sessions.sessions().size());
        for (ProxySession s : sessions.sessions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("UserDirectory", s.userDirectory());
            entry.put("UserId", s.userId());
            entry.put("Attributes", s.attributes());
            entry.put("SessionId", s.sessionId());
            body.add(entry);
        }
        return List.of(new OutgoingMessage(topic, PrettyJson.write(body)));
    }

    /** The proxy's host without port, as Butler SOS used it; the server's host when unknown. */
    static String proxyHost(ProxySessions sessions) {
        String host = sessions.sessionHost();
        if (host == null || host.isBlank()) {
            return sessions.tags().getOrDefault("host", sessions.origin());
        }
        host = host.trim();
        if (host.startsWith("[")) {              // [::1]:4243
            int end = host.indexOf(']');
            return end > 0 ? host.substring(1, end) : host;
        }
        int colon = host.indexOf(':');
        return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
    }

    /** The virtual proxy prefix without its slashes: {@code /hdr} and {@code hdr} are {@code hdr}, {@code /} is empty. */
    static String virtualProxyName(String virtualProxy) {
        if (virtualProxy == null) {
            return "";
        }
        String name = virtualProxy.trim();
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }
}
