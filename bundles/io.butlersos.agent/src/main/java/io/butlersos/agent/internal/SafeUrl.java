package io.butlersos.agent.internal;

import java.net.URI;

/**
 * URLs for logs and error signals: scheme, host, port and path only. Query strings and user
 * information often carry tokens, so they never leave the configuration.
 */
final class SafeUrl {

    private SafeUrl() {
    }

    static String of(URI uri) {
        if (uri == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (uri.getScheme() != null) {
            out.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            out.append(uri.getHost());
        }
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        return out.toString();
    }

    /**
     * Parses an http(s) URL from configuration.
     *
     * @throws IllegalArgumentException with a sentence that names the key and says what is wrong
     */
    static URI parse(String key, String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(key + " must start with http:// or https://, not '"
                    + (uri.getScheme() == null ? "" : uri.getScheme() + ":") + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(key + " has no host name");
        }
        return uri;
    }
}
