package io.butlersos.sink.newrelic.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymises user names with HMAC-SHA256 under a secret key: the same user always gets the same
 * pseudonym (so counts per user still work), but without the key nobody can test a list of names
 * against it, unlike Butler SOS's unkeyed 64-bit SHAKE256.
 */
final class UserScrambler {

    private final byte[] key;

    UserScrambler(String key) {
        if (key == null || key.isEmpty()) {
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        } else {
            this.key = key.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The pseudonym: 32 hex characters (128 bits of the MAC); empty stays empty. */
    String scramble(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
