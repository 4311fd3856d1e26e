package io.butlersos.events.internal.rules;

import java.util.List;

import io.butlersos.api.events.EventCategory;

/**
 * What the rules decided for one event.
 *
 * @param drop a drop rule matched: the event is not published
 * @param rule the description of the drop rule, for counters and logs; empty otherwise
 * @param categories the categories to add, in rule order, without duplicates
 */
public record Verdict(boolean drop, String rule, List<EventCategory> categories) {

    /** No rule ran (categorisation off): keep the event as it is. */
    public static final Verdict KEEP = new Verdict(false, "", List.of());
}
