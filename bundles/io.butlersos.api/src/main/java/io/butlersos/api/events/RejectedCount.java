package io.butlersos.api.events;

/**
 * QIX performance events the filters turned away in one interval, for one app, method and object type.
 *
 * @param source {@code qseow-qix-perf}
 * @param appId the app GUID, may be empty
 * @param appName the app's name, empty when unknown
 * @param method e.g. {@code Doc::GetAppLayout}
 * @param objectType e.g. {@code <Unknown>}
 * @param counter rejected events
 * @param processTime the sum of their process times, ms
 */
public record RejectedCount(String source, String appId, String appName, String method, String objectType,
        long counter, double processTime) {
}
