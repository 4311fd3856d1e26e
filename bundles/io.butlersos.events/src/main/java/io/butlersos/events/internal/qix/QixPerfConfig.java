package io.butlersos.events.internal.qix;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The engine performance monitor (Butler SOS: {@code logEvents.enginePerformanceMonitor}). */
@ObjectClassDefinition(name = "Butler SOS QIX performance monitor",
        description = "Which QIX performance events become signals; the rest can be counted as rejected.")
public @interface QixPerfConfig {

    String PID = "io.butlersos.events.qixperf";

    @AttributeDefinition(description = "Process QIX performance events; when off they are counted and dropped.")
    boolean enabled() default false;

    @AttributeDefinition(description = "Look up app names for QIX performance events (the filters can then match names).")
    boolean app_name_lookup() default false;

    @AttributeDefinition(description = "Count the events the filters turn away, per app, method and object type.")
    boolean track_rejected() default false;

    @AttributeDefinition(description = "Monitor all apps except the excluded ones.")
    boolean all_apps_enabled() default false;

    @AttributeDefinition(required = false,
            description = "Apps the all-apps filter leaves out: an app id, an app name, or id|name (both must match).")
    String[] all_apps_exclude() default {};

    @AttributeDefinition(description = "All object types except the excluded ones (else only the included ones).")
    boolean all_object_types() default true;

    @AttributeDefinition(required = false, description = "Object types to leave out when all_object_types is on.")
    String[] object_types_exclude() default {};

    @AttributeDefinition(required = false, description = "Object types to monitor when all_object_types is off.")
    String[] object_types_include() default {};

    @AttributeDefinition(description = "All methods except the excluded ones (else only the included ones).")
    boolean all_methods() default true;

    @AttributeDefinition(required = false, description = "Methods to leave out when all_methods is on, e.g. Doc::GetAppLayout.")
    String[] methods_exclude() default {};

    @AttributeDefinition(required = false, description = "Methods to monitor when all_methods is off.")
    String[] methods_include() default {};

    @AttributeDefinition(description = "Apply the app-specific filters (io.butlersos.events.qixperf.app).")
    boolean app_specific_enabled() default false;
}
