package io.butlersos.events.internal.parse;

/** Cleaning of text fields as they come off the wire. */
public final class SenseText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SenseText() {
    }

    /**
     * The text without ASCII control characters (Sense fields never need them, and they break line
     * protocol and logs), cut to {@code max} characters. Returns the same instance when nothing changes.
     */
    public static String clean(String text, int max) {
        int length = text.length();
        boolean dirty = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                dirty = true;
                break;
            }
        }
        if (!dirty) {
            return length <= max ? text : text.substring(0, max);
        }
        StringBuilder out = new StringBuilder(Math.min(length, max));
        for (int i = 0; i < length && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != 0x7F) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A GUID in lower case, or empty when the text is not a GUID. Sense writes some ids in upper
     * case; lower-casing them keeps tags and app-name lookups consistent.
     */
    public static String guid(String text) {
        if (text.length() != 36) {
            return "";
        }
        boolean upper = false;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return "";
                }
            } else if (c >= 'A' && c <= 'F') {
                upper = true;
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return "";
            }
        }
        return upper ? text.toLowerCase(java.util.Locale.ROOT) : text;
    }

    /** The integer, or {@code fallback} when the text is not one. */
    public static long integer(String text, long fallback) {
        int length = text.length();
        if (length == 0 || length > 18) {
            return fallback;
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            i = 1;
            if (length == 1) {
                return fallback;
            }
        }
        long value = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return fallback;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /** The decimal number, or NaN when the text is not one. */
    public static double decimal(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return Double.NaN;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The first bytes of a datagram for people: printable ASCII and other text as is, control
     * characters and bytes that are not UTF-8 as {@code \xNN}.
     */
    public static String sample(byte[] data, int offset, int length, int maxBytes) {
        int end = offset + Math.min(length, maxBytes);
        StringBuilder out = new StringBuilder(Math.min(length, maxBytes) + 16);
        for (int i = offset; i < end; i++) {
            int b = data[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                out.append((char) b);
            } else {
                out.append('\\').append('x').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        if (length > maxBytes) {
            out.append("...(").append(length).append(" bytes)");
        }
        return out.toString();
    }
}
