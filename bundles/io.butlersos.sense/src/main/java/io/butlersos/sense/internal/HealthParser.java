package io.butlersos.sense.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.butlersos.api.json.JsonFormatException;
import io.butlersos.api.json.JsonReader;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.AppNameDirectory;
import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.EngineApps;
import io.butlersos.api.sense.EngineCache;
import io.butlersos.api.sense.EngineMemory;
import io.butlersos.api.sense.HealthSample;

/**
 * Turns an engine's health-check answer into a {@link HealthSample}. Members may be missing, null,
 * of another type or new: what cannot be read is left null and the rest is kept.
 */
final class HealthParser {

    private static final List<DateTimeFormatter> STARTED_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSxx"),
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSXXX"),
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssxx"),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME);

    private HealthParser() {
    }

    /**
     * @param directory the app-name directory, or null when app names are not read
     * @throws JsonFormatException when the body is not JSON or not a JSON object
     */
    @SuppressWarnings("unchecked")
    static HealthSample parse(String body, Instant time, ServerSettings server, String url, AppNameDirectory directory)
            throws JsonFormatException {
        Object parsed = JsonReader.parse(body);
        if (!(parsed instanceof Map<?, ?>)) {
            throw new JsonFormatException("the answer is JSON but not an object");
        }
        Map<String, Object> json = (Map<String, Object>) parsed;
        String started = JsonValues.string(json, "started");

        Map<String, Object> mem = JsonValues.object(json, "mem");
        Map<String, Object> cpu = JsonValues.object(json, "cpu");
        Map<String, Object> session = JsonValues.object(json, "session");
        Map<String, Object> users = JsonValues.object(json, "users");
        Map<String, Object> apps = JsonValues.object(json, "apps");
        Map<String, Object> cache = JsonValues.object(json, "cache");

        return new HealthSample(time, server.serverName(), server.tags(), url,
                JsonValues.string(json, "version"), started, parseStarted(started),
                mem == null ? null : new EngineMemory(JsonValues.decimal(mem, "committed"),
                        JsonValues.decimal(mem, "allocated"), JsonValues.decimal(mem, "free")),
                JsonValues.decimal(cpu, "total"),
                activeTotal(session), activeTotal(users),
                apps == null ? null : new EngineApps(
                        docList(JsonValues.strings(apps, "active_docs"), server.includeActiveDocs(), directory),
                        docList(JsonValues.strings(apps, "loaded_docs"), server.includeLoadedDocs(), directory),
                        docList(JsonValues.strings(apps, "in_memory_docs"), server.includeInMemoryDocs(), directory),
                        JsonValues.integer(apps, "calls"), JsonValues.integer(apps, "selections")),
                cache == null ? null : new EngineCache(JsonValues.integer(cache, "hits"),
                        JsonValues.integer(cache, "lookups"), JsonValues.integer(cache, "added"),
                        JsonValues.integer(cache, "replaced"), JsonValues.integer(cache, "bytes_added")),
                JsonValues.bool(json, "saturated"));
    }

    private static ActiveTotal activeTotal(Map<String, Object> json) {
        return json == null ? null : new ActiveTotal(JsonValues.integer(json, "active"), JsonValues.integer(json, "total"));
    }

    /** Splits ids into app names (via the directory, id when unknown) and session apps, both sorted. */
    static DocList docList(List<String> ids, boolean include, AppNameDirectory directory) {
        if (ids == null) {
            return DocList.EMPTY;
        }
        List<String> names = new ArrayList<>();
        List<String> sessionApps = new ArrayList<>();
        for (String id : ids) {
            if (AppNameDirectory.isSessionApp(id)) {
                sessionApps.add(id);
            } else {
                names.add(directory == null ? id : directory.nameOrId(id));
            }
        }
        names.sort(null);
        sessionApps.sort(null);
        return new DocList(ids, names, sessionApps, include, include && directory != null);
    }

    /** {@code 20250301T081530.000+0100} as an instant, honouring the offset; null when unreadable. */
    static Instant parseStarted(String started) {
        if (started == null || started.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : STARTED_FORMATS) {
            try {
                return OffsetDateTime.parse(started.trim(), format).toInstant();
            } catch (DateTimeParseException e) {
                // try the next shape
            }
        }
        return null;
    }
}
