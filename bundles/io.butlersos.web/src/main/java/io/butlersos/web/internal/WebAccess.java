package io.butlersos.web.internal;

/**
 * Who may call the web endpoints, as one web configuration says: the authentication mode with its
 * credentials, and whether the probes are open. {@link HttpServerManager} hands it to
 * {@link WebContext} before Jetty serves that configuration.
 */
final class WebAccess {

    private final Authenticator authenticator;
    private final boolean probesPublic;

    private WebAccess(Authenticator authenticator, boolean probesPublic) {
        this.authenticator = authenticator;
        this.probesPublic = probesPublic;
    }

    static WebAccess of(WebConfig config) throws WebSettingsException {
        return new WebAccess(Authenticator.of(AuthMode.of(config.auth()), config.auth_user(), config._auth_password(),
                config._auth_token()), config.probes_public());
    }

    /** Whether a request for this path with this {@code Authorization} header (or none) is let through. */
    boolean admits(String path, String authorization) {
        return (probesPublic && WebPaths.isProbe(path)) || authenticator.accepts(authorization);
    }

    /** The {@code WWW-Authenticate} challenge for a refused request. */
    String challenge() {
        return authenticator.challenge();
    }

    /** The authentication mode, for log lines: none, basic or bearer. */
    String mode() {
        return authenticator.mode().name().toLowerCase(java.util.Locale.ROOT);
    }
}
