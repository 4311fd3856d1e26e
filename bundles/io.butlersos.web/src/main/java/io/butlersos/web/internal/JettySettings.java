package io.butlersos.web.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Locale;

/**
 * Turns the web configuration into the configuration of the agent's own Felix Jetty instance (a
 * factory configuration of {@code org.apache.felix.http}), after checking that it can be served
 * safely. The instance carries a name of its own so the endpoints never land on another Jetty a
 * third-party bundle may run in the same framework.
 */
final class JettySettings {

    /** Felix Jetty's factory PID; each factory configuration is one more Jetty server. */
    static final String JETTY_FACTORY_PID = "org.apache.felix.http";
    /** The name of this bundle's configuration of that factory. */
    static final String JETTY_CONFIG_NAME = "butlersos-web";
    /** The property Felix Jetty publishes on its runtime service; the whiteboard target matches it. */
    static final String NAME_PROPERTY = "org.apache.felix.http.name";
    /** The whiteboard target filter every servlet and the context of this bundle use. */
    static final String TARGET = "(" + NAME_PROPERTY + "=" + JETTY_CONFIG_NAME + ")";

    private JettySettings() {
    }

    /** Checks the configuration and returns the Jetty properties, or says which key is wrong. */
    static Hashtable<String, Object> of(WebConfig config) throws WebSettingsException {
        String host = config.host().trim();
        if (host.isEmpty()) {
            throw new WebSettingsException("host is empty; use 127.0.0.1 to listen on this machine only");
        }
        if (config.port() < 1 || config.port() > 65535) {
            throw new WebSettingsException("port " + config.port() + " is outside 1-65535");
        }
        AuthMode mode = AuthMode.of(config.auth());
        Authenticator.check(mode, config.auth_user(), config._auth_password(), config._auth_token());
        if (mode == AuthMode.NONE && !isLoopback(host)) {
            throw new WebSettingsException("host " + host + " is reachable from other machines but auth is 'none'; "
                    + "set auth to basic or bearer, or host to 127.0.0.1");
        }

        Hashtable<String, Object> jetty = new Hashtable<>();
        jetty.put(NAME_PROPERTY, JETTY_CONFIG_NAME);
        jetty.put("org.apache.felix.http.host", host);
        jetty.put("org.apache.felix.http.jetty.sendServerHeader", false);
        if (config.tls_enabled()) {
            Path keystore = Path.of(config.tls_keystore().trim());
            if (config.tls_keystore().isBlank()) {
                throw new WebSettingsException("tls.enabled is true but tls.keystore is empty");
            }
            if (!Files.isReadable(keystore)) {
                throw new WebSettingsException("tls.keystore " + keystore.toAbsolutePath() + " does not exist or is not readable");
            }
            jetty.put("org.apache.felix.http.enable", false);
            jetty.put("org.apache.felix.https.enable", true);
            jetty.put("org.osgi.service.http.port.secure", config.port());
            jetty.put("org.apache.felix.https.keystore", keystore.toAbsolutePath().toString());
            jetty.put("org.apache.felix.https.keystore.type", config.tls_keystore_type().trim().toUpperCase(Locale.ROOT));
            jetty.put("org.apache.felix.https.keystore.password", config._tls_keystore_password());
            String keyPassword = config._tls_key_password().isEmpty() ? config._tls_keystore_password()
                    : config._tls_key_password();
            jetty.put("org.apache.felix.https.keystore.key.password", keyPassword);
            jetty.put("org.apache.felix.https.jetty.protocols.included", "TLSv1.3,TLSv1.2");
        } else {
            jetty.put("org.apache.felix.http.enable", true);
            jetty.put("org.apache.felix.https.enable", false);
            jetty.put("org.osgi.service.http.port", config.port());
        }
        return jetty;
    }

    /** Whether the host only answers on this machine: a loopback address or a name resolving to one. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress address : all) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
