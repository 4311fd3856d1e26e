package io.butlersos.api.events;

/**
 * A category a categorisation rule gave a log event; written as the tag {@code name=value}.
 *
 * @param name the tag name, e.g. {@code qs_log_category}
 * @param value the tag value, e.g. {@code access-denied}
 */
public record EventCategory(String name, String value) {
}
