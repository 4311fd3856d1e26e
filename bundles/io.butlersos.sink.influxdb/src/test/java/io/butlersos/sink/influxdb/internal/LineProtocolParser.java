package io.butlersos.sink.influxdb.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A line-protocol reader for tests, written from the InfluxDB 1.x parser's rules: lines end at a
 * newline outside a quoted string; in names a backslash escapes the next character, and only
 * {@code \,}, {@code \ } (and {@code \=} in tags and field keys) are unescaped, other pairs are kept as
 * they are; in string fields {@code \"} and {@code \\} are unescaped. It rejects anything InfluxDB
 * would reject, so the fake v2/v3 servers refuse what a real one would.
 */
final class LineProtocolParser {

    record Line(String measurement, Map<String, String> tags, Map<String, Object> fields, Long timestamp) {
    }

    static final class ParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String line;

        ParseException(String line, String message) {
            super("unable to parse '" + line + "': " + message);
            this.line = line;
        }
    }

    private final String text;
    /** 3.x reads names as Rust's parser does: "\\\\" is one backslash, and a tab ends a name. */
    private final boolean rust;
    private int pos;

    private LineProtocolParser(String text, boolean rust) {
        this.text = text;
        this.rust = rust;
    }

    /** Every line of a body; throws on the first bad one. */
    static List<Line> parse(String body) {
        return parse(body, false);
    }

    static List<Line> parse(String body, boolean rust) {
        List<Line> lines = new ArrayList<>();
        for (String raw : splitLines(body)) {
            lines.add(parseLine(raw, rust));
        }
        return lines;
    }

    /** Splits at newlines outside quoted string field values. */
    static List<String> splitLines(String body) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        boolean inFields = false;
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                i++;
                continue;
            }
            if (c == ' ' && !quoted) {
                inFields = true;
            }
            if (c == '"' && inFields) {
                quoted = !quoted;
            }
            if (c == '\n' && !quoted) {
                if (i > start) {
                    lines.add(body.substring(start, i));
                }
                start = i + 1;
                inFields = false;
            }
        }
        if (start < body.length()) {
            lines.add(body.substring(start));
        }
        return lines;
    }

    static Line parseLine(String line) {
        return parseLine(line, false);
    }

    static Line parseLine(String line, boolean rust) {
        LineProtocolParser p = new LineProtocolParser(line, rust);
        try {
            return p.line();
        } catch (ParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ParseException(line, e.toString());
        }
    }

    private Line line() {
        String measurement = name(", ", ", ");
        if (measurement.isEmpty()) {
            throw new ParseException(text, "missing measurement");
        }
        Map<String, String> tags = new TreeMap<>();
        while (peek() == ',') {
            pos++;
            String key = name("= ,", "= ,");
            expect('=');
            String value = name(", ", ", =");
            if (key.isEmpty() || value.isEmpty()) {
                throw new ParseException(text, "missing tag key or value");
            }
            tags.put(key, value);
        }
        expect(' ');
        Map<String, Object> fields = new LinkedHashMap<>();
        do {
            if (peek() == ',') {
                pos++;
            }
            String key = name("= ,", "= ,");
            if (key.isEmpty()) {
                throw new ParseException(text, "missing field key");
            }
            expect('=');
            fields.put(key, fieldValue());
        } while (peek() == ',');
        Long timestamp = null;
        if (peek() == ' ') {
            pos++;
            timestamp = Long.parseLong(text.substring(pos));
            pos = text.length();
        }
        if (pos != text.length()) {
            throw new ParseException(text, "unexpected text at " + pos);
        }
        return new Line(measurement, tags, fields, timestamp);
    }

    /**
     * Reads a name up to a character of {@code stops}. Go (1.x): a stop right after a backslash is text,
     * and afterwards only the pairs of {@code unescaped} lose their backslash. Rust (3.x): backslash
     * pairs are read left to right and {@code \\\\} is one backslash too.
     */
    private String name(String stops, String unescaped) {
        return rust ? rustName(stops, unescaped) : goName(stops, unescaped);
    }

    private String goName(String stops, String unescaped) {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (stops.indexOf(c) >= 0 && (pos == start || text.charAt(pos - 1) != '\\')) {
                break;
            }
            if (c == '\n') {
                throw new ParseException(text, "newline in a name");
            }
            pos++;
        }
        String raw = text.substring(start, pos);
        if (raw.endsWith("\\")) {
            throw new ParseException(text, "invalid tag format");
        }
        for (char c : unescaped.toCharArray()) {
            raw = raw.replace("\\" + c, String.valueOf(c));
        }
        return raw;
    }

    private String rustName(String stops, String unescaped) {
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                char next = text.charAt(pos + 1);
                if (unescaped.indexOf(next) >= 0 || next == '\\') {
                    out.append(next);
                } else {
                    out.append(c).append(next);
                }
                pos += 2;
                continue;
            }
            if (stops.indexOf(c) >= 0) {
                break;
            }
            if (c == '\n' || c == '\t') {
                throw new ParseException(text, "line break or tab in a name");
            }
            out.append(c);
            pos++;
        }
        return out.toString();
    }

    private Object fieldValue() {
        if (peek() == '"') {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw new ParseException(text, "unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\\')) {
                    out.append(text.charAt(pos++));
                } else if (c == '"') {
                    return out.toString();
                } else {
                    out.append(c);
                }
            }
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ' ') {
            pos++;
        }
        String token = text.substring(start, pos);
        switch (token) {
            case "t", "T", "true", "True", "TRUE":
                return Boolean.TRUE;
            case "f", "F", "false", "False", "FALSE":
                return Boolean.FALSE;
            default:
                break;
        }
        if (token.endsWith("i")) {
            return Long.parseLong(token.substring(0, token.length() - 1));
        }
        if (token.endsWith("u")) {
            throw new ParseException(text, "unsigned integers are not written by this sink");
        }
        if (token.isEmpty() || !token.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
            throw new ParseException(text, "invalid field value '" + token + "'");
        }
        return Double.parseDouble(token);
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new ParseException(text, "expected '" + c + "' at " + pos);
        }
        pos++;
    }
}
