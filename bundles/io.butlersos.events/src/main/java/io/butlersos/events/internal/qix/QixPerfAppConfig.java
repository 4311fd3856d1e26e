package io.butlersos.events.internal.qix;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One app-specific QIX performance filter (Butler SOS: an entry of {@code monitorFilter.appSpecific.app}). */
@ObjectClassDefinition(name = "Butler SOS QIX performance app filter",
        description = "Monitors the listed apps, with their own object type, object id and method choices.")
public @interface QixPerfAppConfig {

    String PID = "io.butlersos.events.qixperf.app";

    @AttributeDefinition(description = "Apps covered: an app id, an app name, or id|name (both must match).")
    String[] apps();

    @AttributeDefinition(description = "All object types except the excluded ones (else only the included ones).")
    boolean all_object_types() default true;

    @AttributeDefinition(required = false, description = "Object types to leave out when all_object_types is on.")
    String[] object_types_exclude() default {};

    @AttributeDefinition(required = false, description = "Object types to monitor when all_object_types is off.")
    String[] object_types_include() default {};

    @AttributeDefinition(description = "All object ids except the excluded ones (else only the included ones).")
    boolean all_app_objects() default true;

    @AttributeDefinition(required = false, description = "Object ids to leave out when all_app_objects is on.")
    String[] app_objects_exclude() default {};

    @AttributeDefinition(required = false, description = "Object ids to monitor when all_app_objects is off.")
    String[] app_objects_include() default {};

    @AttributeDefinition(description = "All methods except the excluded ones (else only the included ones).")
    boolean all_methods() default true;

    @AttributeDefinition(required = false, description = "Methods to leave out when all_methods is on.")
    String[] methods_exclude() default {};

    @AttributeDefinition(required = false, description = "Methods to monitor when all_methods is off.")
    String[] methods_include() default {};
}
