package io.butlersos.events.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Signal;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.QixPerfEvent;
import io.butlersos.api.events.TimeSource;
import io.butlersos.api.events.UserEvent;
import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.simulator.udp.SenseDatagrams;
import io.butlersos.simulator.udp.SenseMessageType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every datagram the simulator's generator sends parses, with the event time it was stamped with. */
class GeneratedDatagramsTest {

    private static final Instant T = Instant.parse("2026-11-29T01:00:00Z");
    private final SenseDatagrams datagrams = new SenseDatagrams(1, 7, 11, List.of("sense1", "sense2"),
            ZoneOffset.ofHours(-5));
    private final LogDatagramParser logs = new LogDatagramParser(
            new ParseContext(Map.of(), ZoneId.of("UTC"), id -> "App"));
    private final UserDatagramParser users = new UserDatagramParser(
            new ParseContext(Map.of(), ZoneId.of("UTC"), id -> "App"),
            ua -> new UserAgentInfo("B", "1", "1", "O", "1", ua));

    @ParameterizedTest
    @EnumSource(SenseMessageType.class)
    void everyGeneratedDatagramParses(SenseMessageType type) {
        for (int n = 0; n < 500; n++) {
            Instant time = T.plusMillis(n * 7L);
            byte[] data = datagrams.datagram(type, n, time);
            ParseResult result = type.userEvent() ? users.parse(data, 0, data.length, T)
                    : logs.parse(data, 0, data.length, T);
            assertThat(result).as("%s #%d", type, n).isInstanceOf(ParseResult.Parsed.class);
            Signal event = ((ParseResult.Parsed) result).event();
            if (event instanceof LogEvent log) {
                assertThat(log.time()).isEqualTo(time);
                assertThat(log.header().timeSource()).isEqualTo(TimeSource.SENSE_ISO);
                assertThat(log.user().id()).startsWith("user");
            } else if (event instanceof QixPerfEvent qix) {
                assertThat(qix.time()).isEqualTo(time);
                assertThat(qix.appId()).isEqualTo(datagrams.appIds().get(n % 7));
                assertThat(qix.userActivity()).isEqualTo(n % 4 != 0);
            } else {
                UserEvent user = (UserEvent) event;
                assertThat(user.user().full()).startsWith("CORP\\user");
                if (type == SenseMessageType.PROXY_CONNECTION) {
                    assertThat(user.appId()).isEqualTo(datagrams.appIds().get(n % 7));
                    assertThat(user.userAgent().raw()).startsWith("Mozilla/5.0 (");
                }
            }
        }
    }
}
