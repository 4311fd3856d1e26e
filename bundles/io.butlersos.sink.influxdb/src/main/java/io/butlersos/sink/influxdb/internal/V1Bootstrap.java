package io.butlersos.sink.influxdb.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.butlersos.api.json.JsonReader;

/**
 * Creates the v1 database and retention policy the sink writes to, as Butler SOS does at startup, but
 * lazily before the first write and again when the server says the database is gone. A policy this
 * sink creates becomes the database's default, as in Butler SOS, so dashboards that query without a
 * policy see the data; an existing policy is never altered.
 */
final class V1Bootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(V1Bootstrap.class);
    private static final Pattern DURATION = Pattern.compile("(?i)inf|(\\d+(ns|u|µ|ms|s|m|h|d|w))+");

    /** What a failed bootstrap means for the write that needed it. */
    static final class BootstrapException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        BootstrapException(String message, int status, Throwable cause) {
            super(message, cause);
            this.status = status;
        }
    }

    private final InfluxApi.V1 api;
    private final String duration;
    private volatile boolean done;

    V1Bootstrap(InfluxApi.V1 api, String duration) {
        this.api = api;
        this.duration = duration == null ? "" : duration.trim();
        if (!api.retentionPolicy.isEmpty() && !DURATION.matcher(this.duration).matches()) {
            throw new IllegalArgumentException("retention.duration must be an InfluxQL duration such as 10d, "
                    + "52w or INF, not '" + duration + "'");
        }
    }

    boolean done() {
        return done;
    }

    /** Stops trying after a refusal the sink chose to write through (e.g. a writer without admin rights). */
    void markAttempted() {
        done = true;
    }

    /** Forgets that the target exists (the server said "database not found"). */
    void reset() {
        done = false;
    }

    /**
     * Makes sure the database and policy exist.
     *
     * @throws IOException when the server cannot be reached (the write would fail the same way)
     * @throws BootstrapException when the server answered but refused
     */
    void ensure(HttpTransport http) throws IOException, InterruptedException, BootstrapException {
        if (done) {
            return;
        }
        query(http, "CREATE DATABASE " + identifier(api.database));
        if (!api.retentionPolicy.isEmpty() && !policyExists(http)) {
            query(http, "CREATE RETENTION POLICY " + identifier(api.retentionPolicy) + " ON "
                    + identifier(api.database) + " DURATION " + duration + " REPLICATION 1 DEFAULT");
            LOG.info("InfluxDB {}: created retention policy '{}' ({}) on database '{}' as its default",
                    api.base, api.retentionPolicy, duration, api.database);
        }
        done = true;
    }

    private boolean policyExists(HttpTransport http) throws IOException, InterruptedException, BootstrapException {
        Object json = query(http, "SHOW RETENTION POLICIES ON " + identifier(api.database));
        for (Object series : path(json)) {
            if (series instanceof Map<?, ?> s && s.get("values") instanceof List<?> rows) {
                for (Object row : rows) {
                    if (row instanceof List<?> columns && !columns.isEmpty()
                            && api.retentionPolicy.equals(columns.get(0))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<?> path(Object json) {
        if (json instanceof Map<?, ?> root && root.get("results") instanceof List<?> results && !results.isEmpty()
                && results.get(0) instanceof Map<?, ?> first && first.get("series") instanceof List<?> series) {
            return series;
        }
        return List.of();
    }

    /** Runs one InfluxQL statement through POST /query; an error inside the results is a refusal too. */
    private Object query(HttpTransport http, String statement)
            throws IOException, InterruptedException, BootstrapException {
        byte[] form = ("q=" + InfluxApi.enc(statement)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.post(api.queryUri(), form, "application/x-www-form-urlencoded",
                api.authorization());
        Object json = JsonReader.parseOrNull(response.body());
        String error = JsonReader.stringMember(json, "error");
        if (error == null && json instanceof Map<?, ?> root && root.get("results") instanceof List<?> results
                && !results.isEmpty()) {
            error = JsonReader.stringMember(results.get(0), "error");
        }
        if (response.statusCode() / 100 != 2 || error != null) {
            throw new BootstrapException("'" + statement + "' was refused (HTTP " + response.statusCode() + "): "
                    + (error != null ? error : Refusal.serverMessage(json, response.body())),
                    response.statusCode(), null);
        }
        return json;
    }

    /** An InfluxQL double-quoted identifier. */
    static String identifier(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
