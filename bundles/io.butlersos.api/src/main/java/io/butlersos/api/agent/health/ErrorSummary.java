package io.butlersos.api.agent.health;

import java.time.LocalDate;
import java.util.List;

/**
 * The errors of one UTC day.
 *
 * @param day the UTC date
 * @param total all errors of the day
 * @param counts one entry per error type, server and category; sorted by type, server, category
 */
public record ErrorSummary(LocalDate day, long total, List<ErrorCount> counts) {

    public ErrorSummary {
        counts = List.copyOf(counts);
    }

    /**
     * Errors of one kind.
     *
     * @param errorType what was being done, e.g. {@code HEALTH_API}
     * @param serverName the Sense server, or empty when there was none
     * @param category why, e.g. {@code timeout}
     * @param count how many
     */
    public record ErrorCount(String errorType, String serverName, String category, long count) {
    }
}
