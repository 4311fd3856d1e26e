package io.butlersos.appenders.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a log4net conversion pattern the way Sense's PatternLayout would, with sample values for
 * each token: enough of log4net to check that the generated files produce what the parsers read.
 */
final class Log4netLayout {

    private static final Pattern TOKEN = Pattern.compile("%(property\\{([^}]*)\\}|[a-zA-Z0-9]+(\\{[^}]*\\})?)");

    /** Sample values as Sense would send them; properties not listed render as Sense renders an unset one: empty. */
    static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("rownum", "42"),
            Map.entry("longIso8601date", "20261129T010203.456+0100"),
            Map.entry("date", "2026-11-29 01:02:03,456"),
            Map.entry("hostname", "sense1"),
            Map.entry("user", "LAB\\qlikservice"),
            Map.entry("encodedmessage", "Doc::DoReload: reload failed for app"),
            Map.entry("encodedexception", ""),
            Map.entry("message", "Start session for user 'LAB\\goran' UserAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0'"),
            Map.entry("property:ProxySessionId", "6c2e8a94-4b6e-4c2e-9a7f-1f0f0b1c2d3e"),
            Map.entry("property:ActiveUserDirectory", "LAB"),
            Map.entry("property:ActiveUserId", "goran"),
            Map.entry("property:UserDirectory", "LAB"),
            Map.entry("property:UserId", "goran"),
            Map.entry("property:User", "LAB\\goran"),
            Map.entry("property:EngineTimestamp", "2026-11-29T01:02:03.456+01:00"),
            Map.entry("property:ProcessId", "b1c2d3e4-f5a6-47b8-9c0d-1e2f3a4b5c6d"),
            Map.entry("property:Exe Version", "12.1306.3"),
            Map.entry("property:Server Started", "2026-11-28T06:00:00.000+01:00"),
            Map.entry("property:Entry Type", "Error"),
            Map.entry("property:SessionId", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
            Map.entry("property:AppId", "e7af59a0-c243-480d-9571-08727551a66f"),
            Map.entry("property:DocId", "e7af59a0-c243-480d-9571-08727551a66f"),
            Map.entry("property:RequestId", "57"),
            Map.entry("property:Method", "GenericObject::GetLayout"),
            Map.entry("property:ProcessTime", "12.5"),
            Map.entry("property:WorkTime", "11.9"),
            Map.entry("property:LockTime", "0.1"),
            Map.entry("property:ValidateTime", "0.2"),
            Map.entry("property:TraverseTime", "0.3"),
            Map.entry("property:Handle", "5"),
            Map.entry("property:ObjectId", "rwPjBk"),
            Map.entry("property:NetRAM", "1024"),
            Map.entry("property:PeakRAM", "4096"),
            Map.entry("property:ObjectType", "barchart"),
            Map.entry("property:Command", "Start session"),
            Map.entry("property:Result", "403"),
            Map.entry("property:Origin", "AppAccess"),
            Map.entry("property:Context", "/app/e7af59a0-c243-480d-9571-08727551a66f"),
            Map.entry("property:TaskName", "Reload of Sales"),
            Map.entry("property:AppName", "Sales"),
            Map.entry("property:TaskId", "dec2a02a-1680-44ef-8dc2-e2bfb180af87"),
            Map.entry("property:ExecutionId", "4831c6a5-34f6-45bb-9d40-73a6e6992670"));

    private Log4netLayout() {
    }

    /**
     * @param level the event's level ({@code %level})
     * @param logger the logger that logged it ({@code %logger})
     */
    static String render(String pattern, String level, String logger) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(2) != null) {
                value = SAMPLES.getOrDefault("property:" + m.group(2), "");
            } else {
                String name = m.group(1).replaceAll("\\{.*", "");
                value = switch (name) {
                    case "level" -> level;
                    case "logger" -> logger;
                    default -> {
                        if (!SAMPLES.containsKey(name)) {
                            throw new AssertionError("log4net token %" + name + " has no sample (is it a real token?)");
                        }
                        yield SAMPLES.get(name);
                    }
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
