package io.butlersos.events.internal.rules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Whether log events are categorised, and the default category (Butler SOS: {@code logEvents.categorise}). */
@ObjectClassDefinition(name = "Butler SOS log event categorisation",
        description = "Runs the log event rules (io.butlersos.events.rule) and applies the default category.")
public @interface CategoriserConfig {

    String PID = "io.butlersos.events.categorise";

    @AttributeDefinition(description = "Run the rules on log and QIX performance events.")
    boolean enabled() default false;

    @AttributeDefinition(description = "Give events that no rule matched the default categories.")
    boolean default_enabled() default true;

    @AttributeDefinition(required = false, description = "Default categories, each name=value.")
    String[] default_categories() default {"qs_log_category=unknown"};
}
