package io.butlersos.events.internal.parse;

import static io.butlersos.events.internal.parse.SenseText.clean;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import io.butlersos.api.events.SenseUser;
import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.api.events.UserEvent;

/**
 * Parses the user activity layout of port 9997:
 * {@code prefix;host;command;userDirectory;userId;origin;context;message}. The message is last and
 * takes every further {@code ;}, which keeps user agents such as {@code (Windows NT 10.0; Win64; x64)}
 * whole. Stateless and thread-safe.
 */
public final class UserDatagramParser {

    /** The app name Butler SOS writes when the directory does not know an app id. */
    public static final String UNKNOWN_APP_NAME = "<unknown app name>";
    static final int FIELDS = 8;
    private static final String UA_MARKER = "UserAgent:";
    private static final int SAMPLE_BYTES = 160;

    private final ParseContext context;
    private final Function<String, UserAgentInfo> userAgents;

    /**
     * @param userAgents reads browser and OS from a cleaned user agent string
     */
    public UserDatagramParser(ParseContext context, Function<String, UserAgentInfo> userAgents) {
        this.context = context;
        this.userAgents = userAgents;
    }

    /** Parses one datagram; never throws. */
    public ParseResult parse(byte[] data, int offset, int length, Instant receivedAt) {
        String text = new String(data, offset, length, StandardCharsets.UTF_8);
        int semicolon = text.indexOf(';');
        String prefix = clean(semicolon < 0 ? text : text.substring(0, semicolon), 100).strip();
        if (prefix.isEmpty() && clean(text, 64).isBlank()) {
            return reject(RejectReason.EMPTY, "Unknown", "the datagram holds no text", data, offset, length);
        }
        String type = messageType(prefix);
        if (type == null) {
            return reject(RejectReason.UNKNOWN_MESSAGE_TYPE, "Unknown",
                    "'" + clean(prefix, 40) + "' is not a user event prefix", data, offset, length);
        }
        int fields = FieldSplit.count(text);
        if (fields < FIELDS) {
            return reject(RejectReason.MISSING_FIELDS, type, fields + " of " + FIELDS + " fields", data, offset,
                    length);
        }
        String[] f = FieldSplit.headAndRest(text, FIELDS - 1);
        String contextField = clean(f[6], 500);
        String appId = appIdOf(contextField);
        String appName = "";
        if (!appId.isEmpty()) {
            String name = context.appNames().apply(appId);
            appName = name == null ? UNKNOWN_APP_NAME : name;
        }
        String agent = userAgentOf(f[7]);
        UserAgentInfo ua = agent.isEmpty() ? UserAgentInfo.NONE : userAgents.apply(agent);
        return new ParseResult.Parsed(new UserEvent(receivedAt, context.tags(), type, clean(f[1], 100),
                clean(f[2], 100), SenseUser.of(clean(f[3], 100), clean(f[4], 100), ""), clean(f[5], 200),
                contextField, clean(f[7], 1000), appId, appName, ua));
    }

    private static String messageType(String prefix) {
        String name = prefix.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "/qseow-proxy-session/" -> "qseow-proxy-session";
            case "/qseow-proxy-connection/" -> "qseow-proxy-connection";
            default -> null;
        };
    }

    /** The app GUID of a context such as {@code /app/<guid>?reloaduri=...}, or empty. */
    static String appIdOf(String context) {
        if (!context.startsWith("/app/")) {
            return "";
        }
        int query = context.indexOf('?');
        String id = context.substring(5, query < 0 ? context.length() : query);
        int slash = id.indexOf('/');
        return SenseText.guid(slash < 0 ? id : id.substring(0, slash));
    }

    /** The text after the first {@code UserAgent:}, trimmed, without single quotes; empty when absent. */
    static String userAgentOf(String message) {
        int at = message.indexOf(UA_MARKER);
        if (at < 0) {
            return "";
        }
        return clean(message.substring(at + UA_MARKER.length()), 2000).replace("'", "").strip();
    }

    private static ParseResult reject(RejectReason reason, String type, String detail, byte[] data, int offset,
            int length) {
        return new ParseResult.Rejected(reason, type, "Unknown", detail,
                SenseText.sample(data, offset, length, SAMPLE_BYTES));
    }
}
