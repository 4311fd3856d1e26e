package io.butlersos.events.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

import io.butlersos.api.events.AuditDetails;
import io.butlersos.api.events.EngineDetails;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.TaskDetails;
import io.butlersos.api.events.TimeSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** One row per wire shape of port 9996, as Sense's appenders produce it. */
class LogDatagramParserTest {

    static final Instant RECEIVED = Instant.parse("2030-01-01T00:00:00Z");
    static final String APP = "e7af59a0-c243-480d-9571-08727551a66f";

    private final LogDatagramParser parser = new LogDatagramParser(new ParseContext(Map.of("qs_env", "test"),
            ZoneId.of("Europe/Stockholm"), id -> APP.equals(id) ? "Sales" : null));

    static ParseResult parse(LogDatagramParser parser, String datagram) {
        byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, RECEIVED);
    }

    private LogEvent log(String datagram) {
        ParseResult result = parse(parser, datagram);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return (LogEvent) ((ParseResult.Parsed) result).event();
    }

    private QixPerfEvent qix(String datagram) {
        ParseResult result = parse(parser, datagram);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return (QixPerfEvent) ((ParseResult.Parsed) result).event();
    }

    static final String ENGINE = "/qseow-engine/;123;20211109T153726.028+0200;2021-11-09 15:37:26,028;WARN;sense1;"
            + "System.Engine.Engine;LAB\\qlikservice;Doc::DoReload: reload failed for app;"
            + "6c2e8a94-4b6e-4c2e-9a7f-1f0f0b1c2d3e;LAB;goran;2021-11-09T15:37:26.028+02:00;"
            + "b1c2d3e4-f5a6-47b8-9c0d-1e2f3a4b5c6d;12.1306.3;2021-11-08T06:00:00.000+02:00;Error;"
            + "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d;" + APP;
    static final String PROXY = "/qseow-proxy/;45;20211109T153726.028+0200;2021-11-09 15:37:26,028;WARN;sense1;"
            + "Audit.Proxy.Proxy.SessionEstablishment.Authentication;LAB\\qlikservice;"
            + "Access was denied for User: 'LAB\\goran';;LAB;goran;Login;403;AppAccess;/hub/";
    static final String SCHEDULER = "/qseow-scheduler/;14;20211109T193744.331+0100;2021-11-09 19:37:44,331;ERROR;"
            + "sense1;System.Scheduler.Scheduler.Slave.Tasks.ReloadTask;LAB\\qlikservice;"
            + "Message from ReloadProvider: Reload failed in Engine. Check engine or script logs.;;;;LAB\\goran;"
            + "Manually triggered reload of Test failing reloads 2;Test failing reloads 2;"
            + "dec2a02a-1680-44ef-8dc2-e2bfb180af87;" + APP + ";4831c6a5-34f6-45bb-9d40-73a6e6992670";
    static final String QIX = "/qseow-qix-perf/;2345;20211109T193744.331+0100;2021-11-09 19:37:44,331;INFO;sense1;"
            + "QixPerformance.Engine.Engine;LAB\\qlikservice;6c2e8a94-4b6e-4c2e-9a7f-1f0f0b1c2d3e;LAB;goran;"
            + "2021-11-09T19:37:44.331+01:00;0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d;" + APP + ";57;"
            + "GenericObject::GetLayout;12.5;11.9;0.1;0.2;0.3;5;rwPjBk;1024;4096;barchart";

    @Test
    void engineEventKeepsEveryFieldAndTheSenseTime() {
        LogEvent event = log(ENGINE);

        assertThat(event.header().source()).isEqualTo(LogSource.ENGINE);
        assertThat(event.header().logRow()).isEqualTo(123);
        assertThat(event.header().tsIso()).isEqualTo("20211109T153726.028+0200");
        assertThat(event.header().tsLocal()).isEqualTo("2021-11-09 15:37:26,028");
        assertThat(event.time()).isEqualTo(Instant.parse("2021-11-09T13:37:26.028Z"));
        assertThat(event.header().timeSource()).isEqualTo(TimeSource.SENSE_ISO);
        assertThat(event.header().level()).isEqualTo("WARN");
        assertThat(event.header().subsystem()).isEqualTo("System.Engine.Engine");
        assertThat(event.header().windowsUser()).isEqualTo("LAB\\qlikservice");
        assertThat(event.message()).isEqualTo("Doc::DoReload: reload failed for app");
        assertThat(event.user().full()).isEqualTo("LAB\\goran");
        assertThat(event.tags()).containsEntry("qs_env", "test");
        assertThat(event.details()).isEqualTo(new EngineDetails("6c2e8a94-4b6e-4c2e-9a7f-1f0f0b1c2d3e",
                "2021-11-09T15:37:26.028+02:00", "b1c2d3e4-f5a6-47b8-9c0d-1e2f3a4b5c6d", "12.1306.3",
                "2021-11-08T06:00:00.000+02:00", "Error", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", APP, "Sales"));
    }

    @Test
    void proxyEventWithQuotesInTheMessage() {
        LogEvent event = log(PROXY);

        assertThat(event.message()).isEqualTo("Access was denied for User: 'LAB\\goran'");
        assertThat(event.exceptionMessage()).isEmpty();
        assertThat(event.user().full()).isEqualTo("LAB\\goran");
        assertThat(event.details()).isEqualTo(new AuditDetails("Login", "403", "AppAccess", "/hub/"));
        assertThat(event.time()).isEqualTo(Instant.parse("2021-11-09T13:37:26.028Z"));
    }

    @Test
    void repositoryUsesTheProxyLayout() {
        LogEvent event = log(PROXY.replace("/qseow-proxy/", "/qseow-repository/"));
        assertThat(event.header().source()).isEqualTo(LogSource.REPOSITORY);
        assertThat(event.details()).isInstanceOf(AuditDetails.class);
    }

    @Test
    void schedulerUserComesOnlyFromTheUserProperty() {
        LogEvent event = log(SCHEDULER);

        assertThat(event.user().directory()).isEqualTo("LAB");
        assertThat(event.user().id()).isEqualTo("goran");
        assertThat(event.user().full()).isEqualTo("LAB\\goran");
        assertThat(event.details()).isEqualTo(new TaskDetails("Manually triggered reload of Test failing reloads 2",
                "Test failing reloads 2", "dec2a02a-1680-44ef-8dc2-e2bfb180af87", APP,
                "4831c6a5-34f6-45bb-9d40-73a6e6992670"));
        // Butler SOS blanked the compact stamp of the scheduler; it is kept and used here.
        assertThat(event.header().tsIso()).isEqualTo("20211109T193744.331+0100");
        assertThat(event.time()).isEqualTo(Instant.parse("2021-11-09T18:37:44.331Z"));
    }

    @Test
    void qixPerfEventHasTypedNumbersAndAppName() {
        QixPerfEvent event = qix(QIX);

        assertThat(event.header().logRow()).isEqualTo(2345);
        assertThat(event.appId()).isEqualTo(APP);
        assertThat(event.appName()).isEqualTo("Sales");
        assertThat(event.requestId()).isEqualTo(57);
        assertThat(event.method()).isEqualTo("GenericObject::GetLayout");
        assertThat(event.processTime()).isEqualTo(12.5);
        assertThat(event.workTime()).isEqualTo(11.9);
        assertThat(event.traverseTime()).isEqualTo(0.3);
        assertThat(event.handle()).isEqualTo(5);
        assertThat(event.objectId()).isEqualTo("rwPjBk");
        assertThat(event.netRam()).isEqualTo(1024);
        assertThat(event.peakRam()).isEqualTo(4096);
        assertThat(event.objectType()).isEqualTo("barchart");
        assertThat(event.userActivity()).isTrue();
        assertThat(event.user().full()).isEqualTo("LAB\\goran");
        assertThat(event.time()).isEqualTo(Instant.parse("2021-11-09T18:37:44.331Z"));
    }

    @Test
    void qixPerfNonUserActivityAndUnknownObjectType() {
        String datagram = QIX.replace("6c2e8a94-4b6e-4c2e-9a7f-1f0f0b1c2d3e", "0").replace("rwPjBk", "<Unknown>")
                .replace("barchart", "<Unknown>").replace(";5;", ";-1;").replace(";57;", ";x;");
        QixPerfEvent event = qix(datagram);

        assertThat(event.userActivity()).isFalse();
        assertThat(event.activitySource()).isEqualTo("non-user");
        assertThat(event.proxySessionId()).isEmpty();
        assertThat(event.objectType()).isEqualTo("<Unknown>");
        assertThat(event.objectId()).isEqualTo("<Unknown>");
        assertThat(event.handle()).isEqualTo(-1);
        assertThat(event.requestId()).isEqualTo(-99);
    }

    @Test
    void upperCaseGuidsAreAcceptedAndLowerCased() {
        QixPerfEvent event = qix(QIX.replace(APP, APP.toUpperCase()));
        assertThat(event.appId()).isEqualTo(APP);
        assertThat(event.appName()).isEqualTo("Sales");

        LogEvent engine = log(ENGINE.replace(APP, APP.toUpperCase()));
        assertThat(((EngineDetails) engine.details()).appId()).isEqualTo(APP);
    }

    static Stream<Arguments> semicolonsInMessages() {
        return Stream.of(
                Arguments.of(ENGINE, "Doc::DoReload: reload failed for app", "Doc::DoReload; reload; failed;"),
                Arguments.of(PROXY, "Access was denied for User: 'LAB\\goran'", "Access; was 'denied'; for ';'"),
                Arguments.of(SCHEDULER, "Message from ReloadProvider: Reload failed in Engine. Check engine or script logs.",
                        "Script line 12: LET x = 'a;b'; error;"));
    }

    @ParameterizedTest
    @MethodSource("semicolonsInMessages")
    void semicolonsAndQuotesInTheMessageStayInTheMessage(String datagram, String original, String tricky) {
        LogEvent plain = log(datagram);
        LogEvent event = log(datagram.replace(original, tricky));

        assertThat(event.message()).isEqualTo(tricky);
        assertThat(event.details()).isEqualTo(plain.details());
        assertThat(event.user()).isEqualTo(plain.user());
        assertThat(event.exceptionMessage()).isEqualTo(plain.exceptionMessage());
    }

    static Stream<Arguments> timestamps() {
        return Stream.of(
                Arguments.of("20211109T153726.028+0200", "2021-11-09 15:37:26,028", "2021-11-09T13:37:26.028Z",
                        TimeSource.SENSE_ISO),
                Arguments.of("2021-11-09T15:37:26.028+0200", "", "2021-11-09T13:37:26.028Z", TimeSource.SENSE_ISO),
                Arguments.of("2021-11-09T15:37:26.028+02:00", "", "2021-11-09T13:37:26.028Z", TimeSource.SENSE_ISO),
                Arguments.of("20211109T153726.028-0500", "", "2021-11-09T20:37:26.028Z", TimeSource.SENSE_ISO),
                // Only the local stamp: read in the configured Sense zone (Stockholm, +01:00 in November).
                Arguments.of("", "2021-11-09 15:37:26,028", "2021-11-09T14:37:26.028Z", TimeSource.SENSE_LOCAL),
                Arguments.of("garbage", "2021-11-09 15:37:26.028", "2021-11-09T14:37:26.028Z", TimeSource.SENSE_LOCAL),
                Arguments.of("20211309T153726.028+0200", "nonsense", RECEIVED.toString(), TimeSource.RECEIVED),
                Arguments.of("", "", RECEIVED.toString(), TimeSource.RECEIVED));
    }

    @ParameterizedTest
    @MethodSource("timestamps")
    void eventTimeComesFromSenseWhenItCan(String iso, String local, String expected, TimeSource source) {
        LogEvent event = log(PROXY.replace("20211109T153726.028+0200", iso).replace("2021-11-09 15:37:26,028", local));
        assertThat(event.time()).isEqualTo(Instant.parse(expected));
        assertThat(event.header().timeSource()).isEqualTo(source);
        assertThat(event.header().receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void controlCharactersAreRemovedAndLongFieldsCut() {
        LogEvent event = log(PROXY.replace("Access was denied", "Access\r\n was\t denied\u0000" + "x".repeat(2000)));
        assertThat(event.message()).startsWith("Access was denied").hasSize(1000).doesNotContain("\r", "\n", "\t");

        LogEvent cr = log(PROXY + "\r\n");
        assertThat(cr.details()).isEqualTo(new AuditDetails("Login", "403", "AppAccess", "/hub/"));
    }

    @Test
    void emptyPropertiesStayEmpty() {
        String empty = "/qseow-engine/;1;20211109T153726.028+0200;;ERROR;sense1;System.Engine.Engine;LAB\\svc;boom"
                + ";;;;;;;;;;";
        LogEvent event = log(empty);
        assertThat(event.user().full()).isEmpty();
        assertThat(event.details()).isEqualTo(new EngineDetails("", "", "", "", "", "", "", "", ""));
        assertThat(event.header().tsLocal()).isEmpty();
    }

    static Stream<Arguments> rejections() {
        String truncated = PROXY.substring(0, PROXY.indexOf(";LAB;goran"));
        return Stream.of(
                Arguments.of("", RejectReason.EMPTY, "Unknown"),
                Arguments.of("\r\n\u0000", RejectReason.EMPTY, "Unknown"),
                Arguments.of("hello world", RejectReason.UNKNOWN_MESSAGE_TYPE, "Unknown"),
                Arguments.of("/qseow-proxy-session/;sense1;Start session;LAB;goran;AppAccess;/hub/;x",
                        RejectReason.UNKNOWN_MESSAGE_TYPE, "Unknown"),
                Arguments.of(truncated, RejectReason.MISSING_FIELDS, "qseow-proxy"),
                Arguments.of(ENGINE.substring(0, 60), RejectReason.MISSING_FIELDS, "qseow-engine"),
                Arguments.of("/qseow-scheduler/", RejectReason.MISSING_FIELDS, "qseow-scheduler"),
                Arguments.of(QIX.substring(0, QIX.lastIndexOf(';')), RejectReason.MISSING_FIELDS, "qseow-qix-perf"),
                Arguments.of(QIX + ";extra", RejectReason.EXTRA_FIELDS, "qseow-qix-perf"));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void brokenDatagramsAreRejectedWithAReasonAndASample(String datagram, RejectReason reason, String type) {
        ParseResult result = parse(parser, datagram);

        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(reason);
            assertThat(rejected.messageType()).isEqualTo(type);
            assertThat(rejected.detail()).isNotBlank();
            assertThat(rejected.sample()).hasSizeLessThanOrEqualTo(160 * 4 + 32);
        });
    }

    @Test
    void binaryGarbageIsRejectedWithAnEscapedSample() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, '/', 'x', (byte) 0x80};
        ParseResult result = parser.parse(garbage, 0, garbage.length, RECEIVED);
        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RejectReason.UNKNOWN_MESSAGE_TYPE);
            assertThat(rejected.sample()).isEqualTo("\\xFF\\xFE\\x00\\x01\\x02/x\\x80");
        });
    }

    @Test
    void a64KiloByteDatagramIsParsedWithItsMessageCut() {
        String big = PROXY.replace("Access was denied", "A;".repeat(32_000));
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(64_000);
        LogEvent event = log(big);
        assertThat(event.message()).hasSize(1000);
        assertThat(event.details()).isEqualTo(new AuditDetails("Login", "403", "AppAccess", "/hub/"));
    }

    @Test
    void prefixIsMatchedWithoutRegardToCase() {
        assertThat(log(PROXY.replace("/qseow-proxy/", "/QSEOW-PROXY/")).header().source()).isEqualTo(LogSource.PROXY);
    }

    @Test
    void parsesFromAnOffsetIntoABuffer() {
        byte[] payload = PROXY.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[payload.length + 20];
        System.arraycopy(payload, 0, buffer, 10, payload.length);
        ParseResult result = parser.parse(buffer, 10, payload.length, RECEIVED);
        assertThat(((LogEvent) ((ParseResult.Parsed) result).event()).details())
                .isEqualTo(new AuditDetails("Login", "403", "AppAccess", "/hub/"));
    }
}
