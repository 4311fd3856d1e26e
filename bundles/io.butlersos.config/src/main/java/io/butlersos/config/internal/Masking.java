package io.butlersos.config.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hides secrets wherever the configuration is shown: private properties (a leading dot, the house rule for
 * passwords and tokens), every value that came from a secret key or from ${env:...}/${file:...}, and the
 * values of headers that carry credentials.
 */
public final class Masking {

    public static final String MASK = "********";

    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)^\\s*([^:]*(authorization|token|key|secret|password|cookie)[^:]*):.*$");

    private final Set<String> secretValues;

    public Masking(Set<String> secretValues) {
        this.secretValues = secretValues;
    }

    public Object mask(String property, Object value) {
        if (property.startsWith(".")) {
            return MASK;
        }
        if (value instanceof String[] values) {
            return Arrays.stream(values).map(this::maskText).toArray(String[]::new);
        }
        return value instanceof String text ? maskText(text) : value;
    }

    private String maskText(String text) {
        String masked = text;
        for (String secret : secretValues) {
            if (secret.length() >= 3 && masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return SECRET_HEADER.matcher(masked).matches() ? SECRET_HEADER.matcher(masked).replaceAll("$1: " + MASK) : masked;
    }
}
