package io.butlersos.web.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * Who may call the web endpoints, as the web configuration says: the authentication mode with its
 * credentials, and whether the probes are open. It follows the configuration (changed in place,
 * gone with it); {@link WebContext} consults it on every request.
 */
@Component(configurationPid = WebConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = WebAccess.class)
public final class WebAccess {

    private volatile Authenticator authenticator;
    private volatile boolean probesPublic;

    @Activate
    public WebAccess(WebConfig config) throws WebSettingsException {
        apply(config);
    }

    @Modified
    void modified(WebConfig config) throws WebSettingsException {
        apply(config);
    }

    private void apply(WebConfig config) throws WebSettingsException {
        this.authenticator = Authenticator.of(AuthMode.of(config.auth()), config.auth_user(), config._auth_password(),
                config._auth_token());
        this.probesPublic = config.probes_public();
    }

    /** Whether a request for this path with this {@code Authorization} header (or none) is let through. */
    boolean admits(String path, String authorization) {
        return (probesPublic && WebPaths.isProbe(path)) || authenticator.accepts(authorization);
    }

    /** The {@code WWW-Authenticate} challenge for a refused request. */
    String challenge() {
        return authenticator.challenge();
    }
}
