package io.butlersos.events.internal.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the timestamps Sense writes, without regular expressions or formatter objects (this runs for
 * every event):
 * <ul>
 * <li>compact ISO with offset, {@code 20211109T153726.028+0200} ({@code %longIso8601date});</li>
 * <li>hyphenated ISO, {@code 2021-11-09T15:37:26.028+02:00}, {@code +0200} or {@code Z};</li>
 * <li>local, {@code 2021-11-09 15:37:26,028} ({@code %date}), which needs the Sense server's zone.</li>
 * </ul>
 * Fractions of one to nine digits are read; everything else gives null.
 */
public final class SenseTime {

    private SenseTime() {
    }

    /** The instant of an ISO timestamp with offset, compact or hyphenated; null when it is neither. */
    public static Instant iso(String text) {
        Cursor c = new Cursor(text);
        int year = c.digits(4);
        boolean hyphens = c.peek() == '-';
        if (hyphens && !c.skip('-')) {
            return null;
        }
        int month = c.digits(2);
        if (hyphens && !c.skip('-')) {
            return null;
        }
        int day = c.digits(2);
        if (!c.skip('T')) {
            return null;
        }
        int hour = c.digits(2);
        if (hyphens && !c.skip(':')) {
            return null;
        }
        int minute = c.digits(2);
        if (hyphens && !c.skip(':')) {
            return null;
        }
        int second = c.digits(2);
        int nanos = c.fraction('.');
        if (c.failed || nanos < 0) {
            return null;
        }
        ZoneOffset offset = c.offset();
        if (offset == null || !c.atEnd()) {
            return null;
        }
        return build(year, month, day, hour, minute, second, nanos, offset);
    }

    /** The instant of a local timestamp {@code yyyy-MM-dd HH:mm:ss,SSS} in the given zone; null otherwise. */
    public static Instant local(String text, ZoneId zone) {
        LocalFields t = readLocal(text);
        if (t == null) {
            return null;
        }
        return LocalDateTime.of(t.year, t.month, t.day, t.hour, t.minute, t.second, t.nanos).atZone(zone).toInstant();
    }

    /**
     * Whether the text is a valid local timestamp, without placing it in a zone: the parser only needs
     * to know this when the event's ISO time is already known, and the zone's rules are the costly part.
     */
    public static boolean isLocal(String text) {
        return readLocal(text) != null;
    }

    private record LocalFields(int year, int month, int day, int hour, int minute, int second, int nanos) {
    }

    private static LocalFields readLocal(String text) {
        Cursor c = new Cursor(text);
        int year = c.digits(4);
        c.expect('-');
        int month = c.digits(2);
        c.expect('-');
        int day = c.digits(2);
        c.expect(' ');
        int hour = c.digits(2);
        c.expect(':');
        int minute = c.digits(2);
        c.expect(':');
        int second = c.digits(2);
        int nanos = c.peek() == ',' ? c.fraction(',') : c.fraction('.');
        if (c.failed || nanos < 0 || !c.atEnd() || !valid(year, month, day, hour, minute, second)) {
            return null;
        }
        return new LocalFields(year, month, day, hour, minute, second, nanos);
    }

    /**
     * The instant, computed directly rather than through {@code LocalDateTime} (this runs for every
     * event); null for a date or time that does not exist, as {@code LocalDateTime.of} would refuse it.
     */
    private static Instant build(int year, int month, int day, int hour, int minute, int second, int nanos,
            ZoneOffset offset) {
        if (!valid(year, month, day, hour, minute, second)) {
            return null;
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
                - offset.getTotalSeconds();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static boolean valid(int year, int month, int day, int hour, int minute, int second) {
        return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23
                && minute <= 59 && second <= 59;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days algorithm, inverted). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** A forward reader over the text that remembers whether anything went wrong. */
    private static final class Cursor {
        private final String text;
        private int pos;
        boolean failed;

        Cursor(String text) {
            this.text = text;
        }

        char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        boolean atEnd() {
            return pos == text.length();
        }

        boolean skip(char expected) {
            if (peek() == expected) {
                pos++;
                return true;
            }
            failed = true;
            return false;
        }

        void expect(char expected) {
            skip(expected);
        }

        int digits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                char ch = peek();
                if (ch < '0' || ch > '9') {
                    failed = true;
                    return 0;
                }
                value = value * 10 + (ch - '0');
                pos++;
            }
            return value;
        }

        /** Nanoseconds of an optional fraction after {@code separator}; 0 when absent, -1 when broken. */
        int fraction(char separator) {
            if (peek() != separator) {
                return 0;
            }
            pos++;
            int nanos = 0;
            int count = 0;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                if (count < 9) {
                    nanos = nanos * 10 + (text.charAt(pos) - '0');
                }
                count++;
                pos++;
            }
            if (count == 0) {
                return -1;
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
            return nanos;
        }

        /** {@code Z}, {@code ±HHMM}, {@code ±HH:MM} or {@code ±HH}; null when none of these. */
        ZoneOffset offset() {
            char sign = peek();
            if (sign == 'Z') {
                pos++;
                return ZoneOffset.UTC;
            }
            if (sign != '+' && sign != '-') {
                return null;
            }
            pos++;
            int hours = digits(2);
            int minutes = 0;
            if (peek() == ':') {
                pos++;
                minutes = digits(2);
            } else if (pos < text.length()) {
                minutes = digits(2);
            }
            if (failed || hours > 18 || minutes > 59) {
                return null;
            }
            int seconds = hours * 3600 + minutes * 60;
            return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
        }
    }
}
