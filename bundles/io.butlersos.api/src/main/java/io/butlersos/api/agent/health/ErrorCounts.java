package io.butlersos.api.agent.health;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The error tracker's counts of every {@code agent.error} signal, per UTC day. For status pages and
 * readiness checks; counts live in memory and start again at UTC midnight.
 */
@ProviderType
public interface ErrorCounts {

    /** The counts of the current UTC day so far. */
    ErrorSummary today();

    /** The counts of the last finished day, if the agent ran then. */
    Optional<ErrorSummary> previousDay();
}
