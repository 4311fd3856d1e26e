package io.butlersos.events.internal.parse;

/**
 * Splits a datagram on {@code ;}, the only delimiter of the Sense appender patterns, which neither
 * quote nor escape. Free text (a log message) may itself hold {@code ;}, so for layouts with a message
 * in the middle the fields before it are taken from the left and the fields after it from the right;
 * whatever is left between them is the message, semicolons included.
 */
public final class FieldSplit {

    private FieldSplit() {
    }

    /** How many fields the text has when split on every {@code ;}. */
    public static int count(String text) {
        int fields = 1;
        for (int i = text.indexOf(';'); i >= 0; i = text.indexOf(';', i + 1)) {
            fields++;
        }
        return fields;
    }

    /** Every field; the caller has checked the count. */
    public static String[] all(String text, int fields) {
        String[] out = new String[fields];
        int start = 0;
        for (int f = 0; f < fields - 1; f++) {
            int end = text.indexOf(';', start);
            out[f] = text.substring(start, end);
            start = end + 1;
        }
        out[fields - 1] = text.substring(start);
        return out;
    }

    /**
     * {@code expected} fields where field {@code free} takes every surplus {@code ;}. The text must
     * have at least {@code expected} fields.
     */
    public static String[] anchored(String text, int expected, int free) {
        String[] out = new String[expected];
        int start = 0;
        for (int f = 0; f < free; f++) {
            int end = text.indexOf(';', start);
            out[f] = text.substring(start, end);
            start = end + 1;
        }
        int end = text.length();
        for (int f = expected - 1; f > free; f--) {
            int cut = text.lastIndexOf(';', end - 1);
            out[f] = text.substring(cut + 1, end);
            end = cut;
        }
        out[free] = text.substring(start, end);
        return out;
    }

    /** The first {@code head} fields, then everything after the {@code head}th {@code ;} as one last field. */
    public static String[] headAndRest(String text, int head) {
        String[] out = new String[head + 1];
        int start = 0;
        for (int f = 0; f < head; f++) {
            int end = text.indexOf(';', start);
            out[f] = text.substring(start, end);
            start = end + 1;
        }
        out[head] = text.substring(start);
        return out;
    }
}
