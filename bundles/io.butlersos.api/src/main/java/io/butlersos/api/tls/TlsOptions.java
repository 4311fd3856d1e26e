package io.butlersos.api.tls;

/**
 * How a client verifies the server it talks to. Both checks are on by default; switching them off is
 * meant for test rigs and for servers whose certificates cannot be fixed, and should be logged.
 *
 * @param verifyServer check that the server's certificate chains to a trusted CA
 * @param verifyHostname check that the server's certificate names the host that was called;
 *        meaningful only while {@code verifyServer} is on
 */
public record TlsOptions(boolean verifyServer, boolean verifyHostname) {

    /** Both checks on: the default. */
    public static final TlsOptions STRICT = new TlsOptions(true, true);

    public TlsOptions {
        verifyHostname = verifyServer && verifyHostname;
    }
}
