package io.butlersos.events.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.api.events.UserEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserDatagramParserTest {

    static final Instant RECEIVED = Instant.parse("2030-01-01T00:00:00Z");
    static final String APP = "e7af59a0-c243-480d-9571-08727551a66f";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";
    static final String CONNECTION = "/qseow-proxy-connection/;sense1;Open connection;LAB;goran;AppAccess;/app/" + APP
            + "?reloaduri=https%3a%2f%2fsense1%2fsense%2fapp;Websocket connection Opened for session "
            + "'6c2e8a94-4b6e-4c2e-9a7f-1f0f0b1c2d3e' UserAgent: '" + CHROME + "'";
    static final String SESSION = "/qseow-proxy-session/;sense1;Start session;LAB;goran;AppAccess;/hub/;"
            + "Start session for user 'LAB\\goran'";

    private final AtomicReference<String> seenAgent = new AtomicReference<>();
    private final UserDatagramParser parser = new UserDatagramParser(
            new ParseContext(Map.of(), ZoneId.of("UTC"), id -> APP.equals(id) ? "Sales" : null), ua -> {
                seenAgent.set(ua);
                return new UserAgentInfo("Chrome", "120.0.0.0", "120", "Windows", "10", ua);
            });

    private ParseResult parse(String datagram) {
        byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, RECEIVED);
    }

    private UserEvent event(String datagram) {
        return (UserEvent) ((ParseResult.Parsed) parse(datagram)).event();
    }

    @Test
    void connectionEventKeepsTheUserAgentWithItsSemicolons() {
        UserEvent event = event(CONNECTION);

        assertThat(event.messageType()).isEqualTo("qseow-proxy-connection");
        assertThat(event.host()).isEqualTo("sense1");
        assertThat(event.command()).isEqualTo("Open connection");
        assertThat(event.user().full()).isEqualTo("LAB\\goran");
        assertThat(event.commandOrigin()).isEqualTo("AppAccess");
        assertThat(event.appId()).isEqualTo(APP);
        assertThat(event.appName()).isEqualTo("Sales");
        assertThat(event.message()).endsWith("Safari/537.36'");
        assertThat(seenAgent.get()).isEqualTo(CHROME);
        assertThat(event.userAgent().browserName()).isEqualTo("Chrome");
        assertThat(event.time()).isEqualTo(RECEIVED);
    }

    @Test
    void sessionEventWithoutAppOrUserAgent() {
        UserEvent event = event(SESSION);

        assertThat(event.messageType()).isEqualTo("qseow-proxy-session");
        assertThat(event.command()).isEqualTo("Start session");
        assertThat(event.appId()).isEmpty();
        assertThat(event.appName()).isEmpty();
        assertThat(event.userAgent()).isEqualTo(UserAgentInfo.NONE);
        assertThat(seenAgent.get()).isNull();
    }

    static Stream<Arguments> contexts() {
        return Stream.of(
                Arguments.of("/app/" + APP + "?reloaduri=x", APP, "Sales"),
                Arguments.of("/app/" + APP.toUpperCase(), APP, "Sales"),
                Arguments.of("/app/" + APP + "/sheet/abc", APP, "Sales"),
                Arguments.of("/app/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                        UserDatagramParser.UNKNOWN_APP_NAME),
                Arguments.of("/app/not-a-guid", "", ""),
                Arguments.of("/hub/", "", ""),
                Arguments.of("", "", ""));
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void appIdComesFromTheContext(String context, String appId, String appName) {
        UserEvent event = event(SESSION.replace("/hub/", context));
        assertThat(event.appId()).isEqualTo(appId);
        assertThat(event.appName()).isEqualTo(appName);
    }

    @Test
    void blankUserAgentIsNoUserAgent() {
        UserEvent event = event(SESSION + " UserAgent: ''");
        assertThat(event.userAgent()).isEqualTo(UserAgentInfo.NONE);
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("", RejectReason.EMPTY, "Unknown"),
                Arguments.of("/qseow-proxy/;1;2;3", RejectReason.UNKNOWN_MESSAGE_TYPE, "Unknown"),
                Arguments.of("/qseow-proxy-session/;sense1;Start session;LAB", RejectReason.MISSING_FIELDS,
                        "qseow-proxy-session"));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void brokenDatagramsAreRejected(String datagram, RejectReason reason, String type) {
        assertThat(parse(datagram)).isInstanceOfSatisfying(ParseResult.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.messageType()).isEqualTo(type);
        });
    }

    @Test
    void prefixCaseDoesNotMatter() {
        assertThat(event(SESSION.replace("/qseow-proxy-session/", "/QSEOW-Proxy-Session/")).messageType())
                .isEqualTo("qseow-proxy-session");
    }
}
