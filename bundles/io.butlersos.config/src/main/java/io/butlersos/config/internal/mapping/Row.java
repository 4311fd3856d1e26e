package io.butlersos.config.internal.mapping;

import java.util.function.Predicate;

import io.butlersos.config.internal.schema.Doc;

/**
 * One line of the mapping table: the YAML value at {@code source} (a path below Butler-SOS; {@code [*]}
 * stands for any list index) becomes {@code attribute} of {@code target}. A row without a target records
 * a key that is read and checked but not applied, and why.
 *
 * @param source YAML path pattern
 * @param target where the value goes; null when not mapped
 * @param attribute the Config Admin property name (from the OCD method name: {@code server.name} for {@code server_name()}, {@code .token} for {@code _token()})
 * @param convert how the YAML value becomes the property value
 * @param onlyIf extra condition on the whole file (e.g. the InfluxDB version)
 * @param reason for a row without target: why; for a row with target: null
 * @param noticeWhen for a row without target: a flag that, when true, makes the agent log the reason
 */
public record Row(String source, Target target, String attribute, Convert convert, Predicate<Doc> onlyIf,
        String reason, String noticeWhen) {

    public boolean mapped() {
        return target != null;
    }
}
