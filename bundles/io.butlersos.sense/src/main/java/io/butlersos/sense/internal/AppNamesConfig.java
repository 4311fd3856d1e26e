package io.butlersos.sense.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where app names are read from: the Qlik Sense repository (QRS) of one node of the site. */
@ObjectClassDefinition(name = "Butler SOS app names",
        description = "Reads app ids and names from the Qlik Sense repository on an interval.")
public @interface AppNamesConfig {

    /** The PID, e.g. config/io.butlersos.sense.appnames.cfg; without it no app names are read. */
    String PID = "io.butlersos.sense.appnames";

    @AttributeDefinition(name = "Repository host", description = "QRS host, optionally with :port (appNames.hostIP).")
    String host();

    @AttributeDefinition(name = "Repository port", min = "1", max = "65535", description = "Used when the host has no port.")
    int port() default 4242;

    @AttributeDefinition(name = "Interval (ms)", min = "1000", description = "Between reads (appNames.extractInterval).")
    long interval_ms() default 60_000;

    @AttributeDefinition(name = "Request deadline (ms)", min = "100", description = "Longest a read may take.")
    long request_timeout_ms() default 10_000;

    @AttributeDefinition(name = "Certificate set", description = "Name of the io.butlersos.cert configuration to use.")
    String certificate_set() default "default";

    @AttributeDefinition(name = "Verify server", description = "Check the repository's certificate against the CA.")
    boolean verify_server() default true;

    @AttributeDefinition(name = "Verify host name", description = "Check that the repository's certificate names the host called.")
    boolean verify_hostname() default true;

    @AttributeDefinition(name = "User header", description = "The X-Qlik-User the repository sees.")
    String qlik_user() default "UserDirectory=Internal; UserId=sa_repository";
}
