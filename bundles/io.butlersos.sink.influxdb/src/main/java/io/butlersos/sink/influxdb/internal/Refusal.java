package io.butlersos.sink.influxdb.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.butlersos.api.json.JsonReader;

/**
 * Which lines of a batch InfluxDB refused, read from its 400/422 answer.
 *
 * <ul>
 *   <li>1.x and 2.x name each unparsable line: {@code unable to parse '<line>': <reason>}, and one field
 *       type conflict: {@code input field "f" on measurement "m" is type float, already exists as type
 *       integer dropped=3}; every line of that measurement with that field of that type is refused.</li>
 *   <li>3.x answers JSON: {@code {"error": "...", "data": [{"line_number": 2, "original_line": "..."}]}}.</li>
 * </ul>
 *
 * @param lines indices of the refused lines
 * @param dropped how many points the server says it dropped, or -1 when it does not say
 * @param reason the server's own words
 */
record Refusal(Set<Integer> lines, int dropped, String reason) {

    private static final Pattern CONFLICT = Pattern.compile(
            "input field \"((?:[^\"\\\\]|\\\\.)*)\" on measurement \"((?:[^\"\\\\]|\\\\.)*)\" is type (\\w+), "
                    + "already exists as type (\\w+)");
    private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)");

    static Refusal read(int version, String body, EncodedBatch batch) {
        Object json = JsonReader.parseOrNull(body);
        String reason = serverMessage(json, body);
        Set<Integer> lines = new TreeSet<>();
        if (version == 3 && json instanceof Map<?, ?> map && map.get("data") instanceof List<?> data) {
            for (Object item : data) {
                lineOfV3(item, batch, lines);
            }
        }
        if (reason.contains("unable to parse")) {
            for (int i = 0; i < batch.lineCount(); i++) {
                if (reason.contains("unable to parse '" + batch.line(i) + "'")) {
                    lines.add(i);
                }
            }
        }
        Matcher conflict = CONFLICT.matcher(reason);
        while (conflict.find()) {
            String field = conflict.group(1);
            String measurement = conflict.group(2);
            String inputType = conflict.group(3);
            for (int i = 0; i < batch.lineCount(); i++) {
                MappedPoint p = batch.points().get(i);
                Object value = p.fields().get(field);
                if (value != null && p.measurement().equals(measurement)
                        && LineProtocol.typeName(value).equals(inputType)) {
                    lines.add(i);
                }
            }
        }
        Matcher dropped = DROPPED.matcher(reason);
        int count = dropped.find() ? Integer.parseInt(dropped.group(1)) : -1;
        return new Refusal(lines, count, reason);
    }

    private static void lineOfV3(Object item, EncodedBatch batch, Set<Integer> lines) {
        if (!(item instanceof Map<?, ?> entry)) {
            return;
        }
        String original = entry.get("original_line") instanceof String s ? s : null;
        if (entry.get("line_number") instanceof Number n) {
            int index = n.intValue() - 1;
            if (index >= 0 && index < batch.lineCount()
                    && (original == null || batch.line(index).startsWith(original))) {
                lines.add(index);
                return;
            }
        }
        if (original != null && !original.isEmpty()) {
            for (int i = 0; i < batch.lineCount(); i++) {
                if (batch.line(i).startsWith(original)) {
                    lines.add(i);
                }
            }
        }
    }

    /** The server's message: {@code error} (1.x, 3.x) or {@code message} (2.x) of its JSON, else the body. */
    static String serverMessage(Object json, String body) {
        String message = JsonReader.stringMember(json, "error");
        String v2 = JsonReader.stringMember(json, "message");
        if (v2 != null) {
            message = message == null ? v2 : message + ": " + v2;
        }
        if (message == null) {
            message = body == null ? "" : body.strip();
        }
        return message;
    }

    /** The message shortened for a log line. */
    String shortReason() {
        String oneLine = reason.replace('\n', ' ');
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "...";
    }
}
