package io.butlersos.cert.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One certificate set, as exported from the QMC. Attribute names map to Butler SOS's {@code cert.*}
 * keys: {@code clientCert} to {@code client.cert}, {@code clientCertKey} to {@code client.cert.key},
 * {@code clientCertCA} to {@code client.cert.ca}, {@code clientCertPassphrase} to
 * {@code .client.cert.passphrase}.
 */
@ObjectClassDefinition(name = "Butler SOS certificate set",
        description = "Client certificate, key and CA from a Qlik Sense QMC export (PEM).")
public @interface CertificateSetConfig {

    /** The factory PID, e.g. config/io.butlersos.cert-default.cfg. */
    String PID = "io.butlersos.cert";

    @AttributeDefinition(name = "Name", description = "Sense servers pick their certificate set by this name.")
    String name() default "default";

    @AttributeDefinition(name = "Client certificate", description = "Path of client.pem (Butler SOS cert.clientCert).")
    String client_cert();

    @AttributeDefinition(name = "Client key", description = "Path of client_key.pem, PKCS#1 or PKCS#8, plain or encrypted (cert.clientCertKey).")
    String client_cert_key();

    @AttributeDefinition(name = "CA certificate", required = false,
            description = "Path of root.pem, the CA that signed the Sense servers (cert.clientCertCA). Required unless the system CAs are trusted.")
    String client_cert_ca() default "";

    @AttributeDefinition(name = "Key passphrase", type = AttributeType.PASSWORD, required = false,
            description = "The export password, if one was set in the QMC (cert.clientCertPassphrase).")
    String _client_cert_passphrase() default "";

    @AttributeDefinition(name = "Trust system CAs", description = "Also trust the JVM's CAs, e.g. for servers with a company certificate.")
    boolean trust_system_cas() default false;

    @AttributeDefinition(name = "Change check (s)", min = "1", description = "How often the files are checked for changes; changed files are read again.")
    long reload_check_s() default 10;

    @AttributeDefinition(name = "Expiry warning (days)", min = "0", description = "Warn daily when a certificate expires within this many days.")
    int expiry_warning_days() default 30;
}
