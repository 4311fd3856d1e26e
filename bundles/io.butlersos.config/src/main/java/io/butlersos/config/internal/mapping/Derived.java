package io.butlersos.config.internal.mapping;

import java.util.List;
import java.util.function.BiFunction;

import io.butlersos.config.internal.schema.Doc;

/**
 * An attribute computed from several YAML keys (an InfluxDB URL from host and port, the signal types a
 * sink takes from several "send to InfluxDB" flags).
 *
 * @param target where the value goes
 * @param attribute the property name
 * @param sources the YAML paths it reads (for the README and the coverage test)
 * @param compute the value from the file and the item path (null for targets not per item); null = unset
 */
public record Derived(Target target, String attribute, List<String> sources, BiFunction<Doc, String, Object> compute) {
}
