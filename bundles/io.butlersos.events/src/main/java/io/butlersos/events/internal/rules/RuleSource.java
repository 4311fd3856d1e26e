package io.butlersos.events.internal.rules;

/** A service offering one configured rule; one per {@code io.butlersos.events.rule} factory configuration. */
public interface RuleSource {

    CategoryRule rule();
}
