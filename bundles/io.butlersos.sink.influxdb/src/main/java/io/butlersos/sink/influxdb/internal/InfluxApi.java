package io.butlersos.sink.influxdb.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What differs between the three InfluxDB write APIs: the path and query, the authentication header,
 * and which configuration keys an operator fixes when the server says no.
 */
abstract class InfluxApi {

    final URI base;
    final Precision precision;

    private InfluxApi(URI base, Precision precision) {
        this.base = base;
        this.precision = precision;
    }

    static InfluxApi of(InfluxConfig config, Precision precision) {
        URI base = baseUri(config.url());
        return switch (config.version()) {
            case 1 -> new V1(base, precision, config.database(), config.retention_policy(), config.username(),
                    config._password());
            case 2 -> new V2(base, precision, config.org(), config.bucket(), config._token());
            case 3 -> new V3(base, precision, config.database(), config._token());
            default -> throw new IllegalArgumentException("version must be 1, 2 or 3, not " + config.version());
        };
    }

    abstract int version();

    /** Where points go. */
    abstract URI writeUri();

    /** The Authorization header, or null to send none. */
    abstract String authorization();

    /** The keys to check when the server refuses the credentials. */
    abstract String credentialKeys();

    /** The keys that name the target, to check when the server does not know it. */
    abstract String targetKeys();

    /** Where this sink writes, for people: never a secret. */
    abstract String describe();

    static URI baseUri(String url) {
        String text = url == null ? "" : url.trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("url must start with http:// or https://, not '" + url + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("url '" + url + "' names no host");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url must not carry credentials; use username/.password or .token");
        }
        return uri;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String require(String value, String key, int version) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must be set for InfluxDB version " + version);
        }
        return value.trim();
    }

    /** InfluxDB 1.x: {@code POST /write?db=&rp=&precision=}, HTTP basic authentication. */
    static final class V1 extends InfluxApi {
        final String database;
        final String retentionPolicy;
        private final String username;
        private final String authorization;

        V1(URI base, Precision precision, String database, String retentionPolicy, String username,
                String password) {
            super(base, precision);
            this.database = require(database, "database", 1);
            this.retentionPolicy = retentionPolicy == null ? "" : retentionPolicy.trim();
            this.username = username == null ? "" : username.trim();
            this.authorization = this.username.isEmpty() ? null : "Basic " + Base64.getEncoder().encodeToString(
                    (this.username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        int version() {
            return 1;
        }

        @Override
        URI writeUri() {
            String query = "db=" + enc(database)
                    + (retentionPolicy.isEmpty() ? "" : "&rp=" + enc(retentionPolicy))
                    + "&precision=" + precision.queryValue(1);
            return URI.create(base + "/write?" + query);
        }

        URI queryUri() {
            return URI.create(base + "/query");
        }

        @Override
        String authorization() {
            return authorization;
        }

        @Override
        String credentialKeys() {
            return username.isEmpty() ? "username and .password (none set, but the server requires them)"
                    : "username and .password (user '" + username + "')";
        }

        @Override
        String targetKeys() {
            return "database ('" + database + "')" + (retentionPolicy.isEmpty() ? ""
                    : " and retention.policy ('" + retentionPolicy + "')");
        }

        @Override
        String describe() {
            return base + " db=" + database + (retentionPolicy.isEmpty() ? "" : " rp=" + retentionPolicy);
        }
    }

    /** InfluxDB 2.x: {@code POST /api/v2/write?org=&bucket=&precision=}, {@code Authorization: Token}. */
    static final class V2 extends InfluxApi {
        private final String org;
        private final String bucket;
        private final String authorization;

        V2(URI base, Precision precision, String org, String bucket, String token) {
            super(base, precision);
            this.org = require(org, "org", 2);
            this.bucket = require(bucket, "bucket", 2);
            this.authorization = "Token " + require(token, ".token", 2);
        }

        @Override
        int version() {
            return 2;
        }

        @Override
        URI writeUri() {
            return URI.create(base + "/api/v2/write?org=" + enc(org) + "&bucket=" + enc(bucket)
                    + "&precision=" + precision.queryValue(2));
        }

        @Override
        String authorization() {
            return authorization;
        }

        @Override
        String credentialKeys() {
            return ".token (it needs write permission on bucket '" + bucket + "')";
        }

        @Override
        String targetKeys() {
            return "org ('" + org + "') and bucket ('" + bucket + "')";
        }

        @Override
        String describe() {
            return base + " org=" + org + " bucket=" + bucket;
        }
    }

    /** InfluxDB 3.x: {@code POST /api/v3/write_lp?db=&precision=}, {@code Authorization: Bearer}. */
    static final class V3 extends InfluxApi {
        private final String database;
        private final String authorization;

        V3(URI base, Precision precision, String database, String token) {
            super(base, precision);
            this.database = require(database, "database", 3);
            this.authorization = token == null || token.isBlank() ? null : "Bearer " + token.trim();
        }

        @Override
        int version() {
            return 3;
        }

        @Override
        URI writeUri() {
            return URI.create(base + "/api/v3/write_lp?db=" + enc(database) + "&precision="
                    + precision.queryValue(3));
        }

        @Override
        String authorization() {
            return authorization;
        }

        @Override
        String credentialKeys() {
            return authorization == null ? ".token (none set, but the server requires one)" : ".token";
        }

        @Override
        String targetKeys() {
            return "database ('" + database + "')";
        }

        @Override
        String describe() {
            return base + " db=" + database;
        }
    }
}
