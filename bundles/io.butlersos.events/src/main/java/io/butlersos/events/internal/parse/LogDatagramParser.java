package io.butlersos.events.internal.parse;

import static io.butlersos.events.internal.parse.SenseText.clean;
import static io.butlersos.events.internal.parse.SenseText.guid;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.butlersos.api.events.AuditDetails;
import io.butlersos.api.events.EngineDetails;
import io.butlersos.api.events.EventHeader;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.SenseUser;
import io.butlersos.api.events.TaskDetails;
import io.butlersos.api.events.TimeSource;

/**
 * Parses the five layouts of port 9996: engine (19 fields), proxy and repository (16), scheduler (18)
 * and QIX performance (26). Field order and length limits follow the Sense appender patterns that
 * Butler SOS ships. Stateless and thread-safe.
 */
public final class LogDatagramParser {

    static final int ENGINE_FIELDS = 19;
    static final int AUDIT_FIELDS = 16;
    static final int SCHEDULER_FIELDS = 18;
    static final int QIX_FIELDS = 26;
    /** Index of {@code %encodedmessage} in every layout that has one. */
    private static final int MESSAGE = 8;
    private static final int SAMPLE_BYTES = 160;

    private final ParseContext context;

    public LogDatagramParser(ParseContext context) {
        this.context = context;
    }

    /** Parses one datagram; never throws. */
    public ParseResult parse(byte[] data, int offset, int length, Instant receivedAt) {
        String text = new String(data, offset, length, StandardCharsets.UTF_8);
        int semicolon = text.indexOf(';');
        String prefix = clean(semicolon < 0 ? text : text.substring(0, semicolon), 100).strip();
        if (prefix.isEmpty() && clean(text, 64).isBlank()) {
            return reject(RejectReason.EMPTY, "Unknown", "the datagram holds no text", data, offset, length);
        }
        Optional<LogSource> source = LogSource.of(prefix);
        if (source.isEmpty()) {
            return reject(RejectReason.UNKNOWN_MESSAGE_TYPE, "Unknown",
                    "'" + clean(prefix, 40) + "' is not a log event prefix", data, offset, length);
        }
        LogSource s = source.get();
        int expected = switch (s) {
            case ENGINE -> ENGINE_FIELDS;
            case PROXY, REPOSITORY -> AUDIT_FIELDS;
            case SCHEDULER -> SCHEDULER_FIELDS;
            case QIX_PERF -> QIX_FIELDS;
        };
        int fields = FieldSplit.count(text);
        if (fields < expected) {
            return reject(RejectReason.MISSING_FIELDS, s.label(),
                    fields + " of " + expected + " fields", data, offset, length);
        }
        if (s == LogSource.QIX_PERF) {
            if (fields > expected) {
                return reject(RejectReason.EXTRA_FIELDS, s.label(),
                        fields + " fields where " + expected + " were expected", data, offset, length);
            }
            return new ParseResult.Parsed(qixPerf(FieldSplit.all(text, fields), receivedAt));
        }
        String[] f = FieldSplit.anchored(text, expected, MESSAGE);
        return new ParseResult.Parsed(switch (s) {
            case ENGINE -> engine(f, receivedAt);
            case SCHEDULER -> scheduler(f, receivedAt);
            default -> audit(s, f, receivedAt);
        });
    }

    private LogEvent engine(String[] f, Instant receivedAt) {
        Timing timing = timing(f, receivedAt);
        String appId = guid(f[18]);
        EngineDetails details = new EngineDetails(guid(f[9]), clean(f[12], 50), guid(f[13]), clean(f[14], 50),
                clean(f[15], 50), clean(f[16], 50), guid(f[17]), appId, appName(appId));
        return new LogEvent(timing.time, context.tags(), header(LogSource.ENGINE, f, timing, receivedAt),
                clean(f[MESSAGE], 1000), "", SenseUser.of(clean(f[10], 100), clean(f[11], 100), ""), details,
                List.of());
    }

    private LogEvent audit(LogSource source, String[] f, Instant receivedAt) {
        Timing timing = timing(f, receivedAt);
        AuditDetails details = new AuditDetails(clean(f[12], 200), clean(f[13], 50), clean(f[14], 200),
                clean(f[15], 200));
        return new LogEvent(timing.time, context.tags(), header(source, f, timing, receivedAt),
                clean(f[MESSAGE], 1000), clean(f[9], 1000), SenseUser.of(clean(f[10], 100), clean(f[11], 100), ""),
                details, List.of());
    }

    private LogEvent scheduler(String[] f, Instant receivedAt) {
        Timing timing = timing(f, receivedAt);
        TaskDetails details = new TaskDetails(clean(f[13], 200), clean(f[14], 200), guid(f[15]), guid(f[16]),
                guid(f[17]));
        SenseUser user = SenseUser.of(clean(f[10], 100), clean(f[11], 100), clean(f[12], 200));
        return new LogEvent(timing.time, context.tags(), header(LogSource.SCHEDULER, f, timing, receivedAt),
                clean(f[MESSAGE], 1000), clean(f[9], 1000), user, details, List.of());
    }

    private QixPerfEvent qixPerf(String[] f, Instant receivedAt) {
        Timing timing = timing(f, receivedAt);
        String appId = guid(f[13]);
        String name = appId.isEmpty() ? "" : nonNull(context.qixAppNames().apply(appId));
        long requestId = SenseText.integer(f[14], -99);
        long netRam = SenseText.integer(f[23], -1);
        long peakRam = SenseText.integer(f[24], -1);
        return new QixPerfEvent(timing.time, context.tags(), header(LogSource.QIX_PERF, f, timing, receivedAt),
                SenseUser.of(clean(f[9], 100), clean(f[10], 100), ""), guid(f[8]), guid(f[12]), appId, name,
                clean(f[11], 50), requestId < 0 ? -99 : requestId, clean(f[15], 100),
                SenseText.decimal(f[16]), SenseText.decimal(f[17]), SenseText.decimal(f[18]),
                SenseText.decimal(f[19]), SenseText.decimal(f[20]), SenseText.integer(f[21], -99),
                clean(f[22], 100), netRam < 0 ? -1 : netRam, peakRam < 0 ? -1 : peakRam, clean(f[25], 100),
                !"0".equals(f[8].strip()), List.of());
    }

    private String appName(String appId) {
        if (appId.isEmpty()) {
            return "";
        }
        String name = context.appNames().apply(appId);
        return name == null ? "" : name;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private EventHeader header(LogSource source, String[] f, Timing timing, Instant receivedAt) {
        return new EventHeader(source, SenseText.integer(f[1].strip(), -1), timing.iso, timing.local,
                clean(f[4], 20), clean(f[5], 100), clean(f[6], 200), clean(f[7], 100), receivedAt, timing.source);
    }

    /** The two Sense timestamps as kept (empty when unreadable) and the signal time chosen from them. */
    private record Timing(String iso, String local, Instant time, TimeSource source) {
    }

    private Timing timing(String[] f, Instant receivedAt) {
        String isoText = clean(f[2], 50).strip();
        String localText = clean(f[3], 50).strip();
        Instant iso = SenseTime.iso(isoText);
        if (iso != null) {
            // The local text is only kept, not used for the time: check it without the zone's rules.
            boolean localReadable = SenseTime.isLocal(localText) || SenseTime.iso(localText) != null;
            return new Timing(isoText, localReadable ? localText : "", iso, TimeSource.SENSE_ISO);
        }
        Instant local = SenseTime.local(localText, context.senseZone());
        if (local == null) {
            local = SenseTime.iso(localText);
        }
        if (local != null) {
            return new Timing("", localText, local, TimeSource.SENSE_LOCAL);
        }
        return new Timing("", "", receivedAt, TimeSource.RECEIVED);
    }

    private static ParseResult reject(RejectReason reason, String type, String detail, byte[] data, int offset,
            int length) {
        return new ParseResult.Rejected(reason, type, "Unknown", detail,
                SenseText.sample(data, offset, length, SAMPLE_BYTES));
    }
}
