package io.butlersos.logging.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in crash dumps: values of keys that look secret, attributes the Metatype service
 * marks {@code PASSWORD}, and {@code key=value} pairs or URL credentials inside free text.
 */
final class Redactor {

    static final String MASK = "********";

    /** Key names that look like they hold a secret. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|pwd|token|secret|passphrase|credential|api[._-]?key|private[._-]?key|(^|[._-])key$|authorization).*");

    /** {@code password=...}, {@code "token": "..."}, {@code secret: ...} inside text. */
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)([\\w.-]*(?:password|passwd|pwd|token|secret|passphrase|credential|apikey|api[._-]key|private[._-]key)[\\w.-]*\"?\\s*[=:]\\s*\"?)([^\\s\",;&}]+)");

    /** {@code scheme://user:password@host}. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^@\\s/]+)(@)");

    private Redactor() {
    }

    /** Whether a key's name says its value is secret. */
    static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    /** The value to print for {@code key}: masked when the key looks secret or is in {@code passwordAttributes}. */
    static String value(String key, Object value, Set<String> passwordAttributes) {
        if (isSecretKey(key) || passwordAttributes.contains(key)) {
            return MASK;
        }
        return text(ConfigText.render(value));
    }

    /** Free text with secret pairs and URL credentials masked. */
    static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = SECRET_PAIR.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return URL_CREDENTIALS.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
    }
}
