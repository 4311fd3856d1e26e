package io.butlersos.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks the {@code Authorization} header of a request. Secrets are compared through their SHA-256
 * digests with {@link MessageDigest#isEqual}, so the time taken tells nothing about how much of a
 * guess was right, nor about the secret's length.
 */
final class Authenticator {

    /** The smallest bearer token accepted in configuration: guessing must stay out of reach. */
    static final int MIN_TOKEN_LENGTH = 16;

    private final AuthMode mode;
    private final byte[] userDigest;
    private final byte[] secretDigest;

    private Authenticator(AuthMode mode, String user, String secret) {
        this.mode = mode;
        this.userDigest = digest(user);
        this.secretDigest = digest(secret);
    }

    /** Builds the checker of a configuration that {@link #check} accepted. */
    static Authenticator of(AuthMode mode, String user, String password, String token) throws WebSettingsException {
        check(mode, user, password, token);
        return switch (mode) {
            case NONE -> new Authenticator(mode, "", "");
            case BASIC -> new Authenticator(mode, user, password);
            case BEARER -> new Authenticator(mode, "", token);
        };
    }

    /** Says which key is missing for the chosen mode. */
    static void check(AuthMode mode, String user, String password, String token) throws WebSettingsException {
        if (mode == AuthMode.BASIC) {
            if (user == null || user.isBlank()) {
                throw new WebSettingsException("auth is basic but auth.user is empty");
            }
            if (user.contains(":")) {
                throw new WebSettingsException("auth.user must not contain ':' (basic authentication splits on it)");
            }
            if (password == null || password.isEmpty()) {
                throw new WebSettingsException("auth is basic but .auth.password is empty");
            }
        } else if (mode == AuthMode.BEARER) {
            if (token == null || token.length() < MIN_TOKEN_LENGTH) {
                throw new WebSettingsException("auth is bearer but .auth.token is empty or shorter than "
                        + MIN_TOKEN_LENGTH + " characters");
            }
        }
    }

    AuthMode mode() {
        return mode;
    }

    /** Whether the header value proves the caller; always true when authentication is off. */
    boolean accepts(String authorization) {
        if (mode == AuthMode.NONE) {
            return true;
        }
        if (authorization == null) {
            return false;
        }
        if (mode == AuthMode.BEARER) {
            if (!startsWithIgnoreCase(authorization, "Bearer ")) {
                return false;
            }
            return MessageDigest.isEqual(secretDigest, digest(authorization.substring(7).trim()));
        }
        if (!startsWithIgnoreCase(authorization, "Basic ")) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // Both halves are always compared, so a wrong user name costs the same time as a wrong password.
        boolean userOk = MessageDigest.isEqual(userDigest, digest(decoded.substring(0, colon)));
        boolean secretOk = MessageDigest.isEqual(secretDigest, digest(decoded.substring(colon + 1)));
        return userOk & secretOk;
    }

    /** The {@code WWW-Authenticate} challenge for a refused request. */
    String challenge() {
        return mode == AuthMode.BEARER ? "Bearer realm=\"Butler SOS\"" : "Basic realm=\"Butler SOS\", charset=\"UTF-8\"";
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
