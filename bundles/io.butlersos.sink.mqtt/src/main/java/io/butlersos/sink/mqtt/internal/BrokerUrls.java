package io.butlersos.sink.mqtt.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configured broker URLs, checked and in Paho's spelling: {@code mqtt://} becomes {@code tcp://} and
 * {@code mqtts://} becomes {@code ssl://}. Credentials in a URL are refused: they belong in the password
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
        return paho + url.substring(scheme.length());
    }
}
