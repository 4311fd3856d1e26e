package io.butlersos.sink.mqtt.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configured broker URLs, checked and in Paho's spelling: {@code mqtt://} becomes {@code tcp://} and
 * {@code mqtts://} becomes {@code ssl://}; a {@code ws://} or {@code wss://} URL without a path gets
 * {@code /mqtt}, the path Paho asks for then. Only WebSocket URLs may have a path, and a fail-over list
 * is all TLS or all plain. Credentials in a URL are refused: they belong in the password
 * attribute, where they are never logged or shown.
 */
final class BrokerUrls {

    private BrokerUrls() {
    }

    static List<String> parse(String[] configured) {
        List<String> urls = new ArrayList<>();
        if (configured != null) {
            for (String value : configured) {
                if (value != null && !value.isBlank()) {
                    urls.add(normalise(value.trim()));
                }
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("broker.urls is empty: name at least one broker, e.g. tcp://127.0.0.1:1883");
        }
        // Paho uses one socket factory for the whole fail-over list: a TLS one makes it refuse the plain
        // URLs ("socket factory mismatch"), a plain one the secure URLs, so a mixed list never fails over.
        List<String> secure = urls.stream().filter(BrokerUrls::isSecure).toList();
        if (!secure.isEmpty() && secure.size() < urls.size()) {
            throw new IllegalArgumentException("broker.urls mixes TLS (" + String.join(", ", secure)
                    + ") and plain URLs; a fail-over list must be all tcp:// and ws:// or all ssl:// and wss:// "
                    + "(use one MQTT sink configuration per kind)");
        }
        return List.copyOf(urls);
    }

    static boolean isSecure(String url) {
        return url.startsWith("ssl://") || url.startsWith("wss://");
    }

    private static String normalise(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker.urls entry '" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String paho = switch (scheme) {
            case "tcp", "mqtt" -> "tcp";
            case "ssl", "mqtts" -> "ssl";
            case "ws" -> "ws";
            case "wss" -> "wss";
            default -> throw new IllegalArgumentException("broker.urls entry '" + url
                    + "' must start with tcp://, ssl://, ws:// or wss://");
        };
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("broker.urls entry for host " + uri.getHost()
                    + " holds credentials: put them in username and password instead");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("broker.urls entry '" + url + "' names no host");
        }
        boolean webSocket = paho.startsWith("ws");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!webSocket && !path.isEmpty()) {
            // Paho refuses it with the bare URL as its message.
            throw new IllegalArgumentException("broker.urls entry '" + url + "' has a path (" + path + "): only ws:// "
                    + "and wss:// URLs take one, e.g. ws://" + uri.getHost() + ":8080/mqtt");
        }
        if (webSocket && path.isEmpty()) {
            // Paho would ask for /mqtt anyway; say so in the URL that is logged and shown.
            String rest = url.substring(scheme.length());
            int query = rest.indexOf('?');
            return query < 0 ? paho + rest + "/mqtt" : paho + rest.substring(0, query) + "/mqtt" + rest.substring(query);
        }
        return paho + url.substring(scheme.length());
    }
}
