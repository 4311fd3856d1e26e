package io.butlersos.api.tls;

import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One certificate set (client certificate, its key and the CA that signs the servers), registered as
 * a service per set. Clients pick theirs by {@link #NAME}. The provider notices when the files change
 * and reloads them; {@link #generation()} tells clients when to rebuild connections.
 *
 * <p>A provider whose files are bad is still registered: {@link #sslContext(TlsOptions)} then throws a
 * {@link TlsUnavailableException} whose message names the file and the problem, so every client
 * reports the same clear sentence instead of a missing service.
 */
@ProviderType
public interface TlsContextProvider {

    /** Service property (String): the name of the certificate set, e.g. {@code default}. */
    String NAME = "butlersos.tls.name";

    /** The name of the certificate set. */
    String name();

    /**
     * A context with the client key and the trust this set offers, verifying as the options say.
     * Contexts are cached per options and generation, so calling this on every request is cheap.
     *
     * @throws TlsUnavailableException when the files could not be loaded; the message names the file
     */
    SSLContext sslContext(TlsOptions options) throws TlsUnavailableException;

    /** Grows by one whenever the files were reloaded (successfully or not). */
    long generation();

    /** The client certificate in use, or empty when none could be loaded. */
    Optional<CertificateInfo> clientCertificate();

    /** The sentence describing why the set cannot be used, or empty when it can. */
    Optional<String> problem();
}
