package io.butlersos.api.sense;

/**
 * The engine's {@code apps} object.
 *
 * @param active {@code apps.active_docs}
 * @param loaded {@code apps.loaded_docs}
 * @param inMemory {@code apps.in_memory_docs}
 * @param calls {@code apps.calls}, or null when absent
 * @param selections {@code apps.selections}, or null when absent
 */
public record EngineApps(DocList active, DocList loaded, DocList inMemory, Long calls, Long selections) {

    public static final EngineApps ABSENT = new EngineApps(null, null, null, null, null);

    public boolean isAbsent() {
        return active == null && loaded == null && inMemory == null && calls == null && selections == null;
    }
}
