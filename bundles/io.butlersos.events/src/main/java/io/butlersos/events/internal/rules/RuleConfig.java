package io.butlersos.events.internal.rules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One categorisation rule (Butler SOS: an entry of {@code logEvents.categorise.rules}). */
@ObjectClassDefinition(name = "Butler SOS log event rule",
        description = "Adds category tags to, or drops, log events whose level and message match.")
public @interface RuleConfig {

    /** The factory PID: one configuration per rule. */
    String PID = "io.butlersos.events.rule";

    @AttributeDefinition(description = "What the rule is for; shown in logs and counters.")
    String description() default "";

    @AttributeDefinition(description = "Rules are tried in ascending rank; equal ranks by description.")
    int rank() default 100;

    @AttributeDefinition(description = "Log levels the rule applies to, any case: fatal, error, warn, info, ...")
    String[] log_levels() default {"warn", "error", "fatal"};

    @AttributeDefinition(description = "categorise: add the categories; drop: do not publish the event (it is still counted).",
            options = {@Option(label = "categorise", value = "categorise"), @Option(label = "drop", value = "drop")})
    String action() default "categorise";

    @AttributeDefinition(required = false, description = "Categories to add, each name=value (becomes a tag).")
    String[] categories() default {};

    @AttributeDefinition(required = false, description = "Match when the message starts with one of these (case-sensitive).")
    String[] starts_with() default {};

    @AttributeDefinition(required = false, description = "Match when the message ends with one of these (case-sensitive).")
    String[] ends_with() default {};

    @AttributeDefinition(required = false, description = "Match when the message contains one of these (case-sensitive).")
    String[] contains() default {};
}
