package io.butlersos.sense.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.butlersos.api.tls.TlsOptions;

/**
 * A server's configuration, checked and in the shape the pollers use. {@link #from} refuses a bad
 * value with a message that names the attribute.
 */
record ServerSettings(
        String serverName,
        String description,
        HostPort engine,
        HostPort proxy,
        List<String> virtualProxies,
        boolean sessionsEnabled,
        Map<String, String> tags,
        Map<String, String> headers,
        String certificateSet,
        TlsOptions tls,
        Duration healthInterval,
        Duration sessionsInterval,
        Duration requestTimeout,
        Duration jitter,
        Set<String> excludedUsers,
        boolean includeActiveDocs,
        boolean includeLoadedDocs,
        boolean includeInMemoryDocs) {

    /** A host and a port; IPv6 literals keep their brackets. */
    record HostPort(String host, int port) {
        /** Parses {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}. */
        static HostPort parse(String value, int defaultPort, String attribute) {
            String v = value == null ? "" : value.trim();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(attribute + " is empty");
            }
            v = v.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
            String host = v;
            int port = defaultPort;
            int close = v.lastIndexOf(']');
            int colon = v.lastIndexOf(':');
            if (colon > close && v.indexOf(':') == colon) { // name:port, not a bare IPv6 literal
                host = v.substring(0, colon);
                try {
                    port = Integer.parseInt(v.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(attribute + " '" + value + "' has a port that is not a number");
                }
            } else if (close > 0 && colon > close) {
                host = v.substring(0, colon);
                port = Integer.parseInt(v.substring(colon + 1));
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(attribute + " '" + value + "' has port " + port + " outside 1-65535");
            }
            return new HostPort(host, port);
        }

        /** The host without brackets, as the {@code host} tag shows it. */
        String bareHost() {
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }

        String authority() {
            return host + ":" + port;
        }
    }

    static ServerSettings from(SenseServerConfig c) {
        String name = require(c.server_name(), "server.name");
        HostPort engine = HostPort.parse(require(c.host(), "host"), c.engine_port(), "host");
        HostPort proxy = c.proxy_host() == null || c.proxy_host().isBlank()
                ? new HostPort(engine.host(), c.proxy_port())
                : HostPort.parse(c.proxy_host(), c.proxy_port(), "proxy.host");

        Map<String, String> tags = new TreeMap<>();
        tags.put("host", engine.bareHost());
        tags.put("server_name", name);
        tags.put("server_description", c.server_description() == null ? "" : c.server_description());
        for (String entry : splitCommas(c.server_tags())) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("server.tags entry '" + entry + "' is not name=value");
            }
            tags.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String entry : nonNull(c.headers())) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("headers entry '" + entry + "' is not 'Name: value'");
            }
            headers.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        Set<String> excluded = new LinkedHashSet<>();
        for (String entry : nonNull(c.exclude_users())) {
            if (entry.indexOf('\\') <= 0) {
                throw new IllegalArgumentException("exclude.users entry '" + entry
                        + "' is not DIRECTORY\\userId (in a .cfg file, write the backslash twice)");
            }
            excluded.add(entry.trim());
        }
        List<String> vps = new ArrayList<>();
        for (String vp : splitCommas(c.virtual_proxies())) {
            if (!vp.isBlank()) {
                vps.add(vp.trim());
            }
        }
        if (vps.isEmpty()) {
            vps.add("/");
        }
        return new ServerSettings(name, c.server_description(), engine, proxy, List.copyOf(vps),
                c.sessions_enabled(), Collections.unmodifiableMap(tags), Collections.unmodifiableMap(headers),
                require(c.certificate_set(), "certificate.set"), new TlsOptions(c.verify_server(), c.verify_hostname()),
                Duration.ofMillis(c.health_interval_ms()), Duration.ofMillis(c.sessions_interval_ms()),
                Duration.ofMillis(c.request_timeout_ms()), Duration.ofMillis(Math.max(0, c.jitter_ms())),
                Collections.unmodifiableSet(excluded), c.include_active_docs(), c.include_loaded_docs(),
                c.include_in_memory_docs());
    }

    /**
     * The path segment of a virtual proxy: {@code /} gives {@code ""}, {@code /hdr} and {@code hdr}
     * both give {@code hdr} (Butler SOS would call {@code /qpshdr/session} for the latter).
     */
    static String proxyPrefix(String virtualProxy) {
        return virtualProxy.replaceAll("^/+|/+$", "");
    }

    /** The session list URL path of a virtual proxy. */
    static String sessionPath(String virtualProxy) {
        String prefix = proxyPrefix(virtualProxy);
        return prefix.isEmpty() ? "/qps/session" : "/qps/" + prefix + "/session";
    }

    private static String require(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(attribute + " is required");
        }
        return value.trim();
    }

    /** Entries, each also split at commas: a .cfg file can only give one string for a list. */
    private static List<String> splitCommas(String[] values) {
        List<String> out = new ArrayList<>();
        for (String value : nonNull(values)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static String[] nonNull(String[] values) {
        return values == null ? new String[0] : values;
    }
}
