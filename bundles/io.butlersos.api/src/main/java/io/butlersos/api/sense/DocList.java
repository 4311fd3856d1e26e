package io.butlersos.api.sense;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One of the engine's app lists ({@code active_docs}, {@code loaded_docs}, {@code in_memory_docs}),
 * with ids split as Butler SOS does it.
 *
 * @param ids the ids exactly as the engine listed them
 * @param appNames names of the non-session apps, sorted; an id stands in for an unknown name
 * @param sessionAppIds ids of session apps, sorted
 * @param includeIds whether the id list goes into the InfluxDB point (Butler SOS {@code influxdbConfig.includeFields.*})
 * @param includeNames whether the name lists go into the InfluxDB point (the include flag and app-name extraction both on)
 */
public record DocList(List<String> ids, List<String> appNames, List<String> sessionAppIds,
        boolean includeIds, boolean includeNames) {

    /** An empty list, written as empty strings. */
    public static final DocList EMPTY = new DocList(List.of(), List.of(), List.of(), false, false);

    public DocList {
        ids = List.copyOf(ids);
        appNames = List.copyOf(appNames);
        sessionAppIds = List.copyOf(sessionAppIds);
    }

    public int count() {
        return ids.size();
    }

    /** The ids joined with commas, as in the {@code apps.active_docs} field. */
    public String idsField() {
        return includeIds ? String.join(",", ids) : "";
    }

    /** The names in the v1 shape: each in double quotes, joined with commas ({@code "Sales","HR"}). */
    public String namesField() {
        return includeNames ? quoted(appNames) : "";
    }

    /** The session-app ids in the v1 shape. */
    public String sessionNamesField() {
        return includeNames ? quoted(sessionAppIds) : "";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> '"' + v + '"').collect(Collectors.joining(","));
    }
}
