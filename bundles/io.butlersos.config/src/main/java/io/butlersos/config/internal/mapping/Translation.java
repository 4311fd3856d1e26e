package io.butlersos.config.internal.mapping;

import java.util.List;

/**
 * What a valid Butler SOS file asks for.
 *
 * @param configurations the Config Admin configurations, in the order they are written
 * @param notices sections that are switched on but not applied by this agent (logged at each apply)
 */
public record Translation(List<Desired> configurations, List<String> notices) {
}
