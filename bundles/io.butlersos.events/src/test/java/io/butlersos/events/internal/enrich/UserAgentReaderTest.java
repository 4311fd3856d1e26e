package io.butlersos.events.internal.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import io.butlersos.api.events.SenseUser;
import io.butlersos.api.events.UserAgentInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserAgentReaderTest {

    private static final UserAgentReader READER = new UserAgentReader();

    static Stream<Arguments> agents() {
        return Stream.of(
                Arguments.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/120.0.0.0 Safari/537.36", "Chrome", "120", "Windows", "10"),
                Arguments.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
                        "Firefox", "121", "Windows", "10"),
                Arguments.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                        + "Version/17.1 Safari/605.1.15", "Safari", "17", "Mac OS X", "10.15.7"),
                Arguments.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.61", "Edge", "120", "Windows", "10"),
                Arguments.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                        + "Gecko) Version/17.1 Mobile/15E148 Safari/604.1", "Mobile Safari", "17", "iOS", "17.1"),
                Arguments.of("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", "IE", "11",
                        "Windows", "10"),
                Arguments.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/120.0.6099.144 Mobile Safari/537.36", "Chrome Mobile", "120", "Android", "14"));
    }

    @ParameterizedTest
    @MethodSource("agents")
    void readsBrowserAndOs(String agent, String browser, String major, String os, String osVersion) {
        UserAgentInfo info = READER.apply(agent);
        assertThat(info.browserName()).isEqualTo(browser);
        assertThat(info.browserMajorVersion()).isEqualTo(major);
        assertThat(info.browserVersion()).startsWith(major);
        assertThat(info.osName()).isEqualTo(os);
        assertThat(info.osVersion()).isEqualTo(osVersion);
        assertThat(info.raw()).isEqualTo(agent);
        assertThat(READER.apply(agent)).as("cached").isSameAs(info);
    }

    @Test
    void unknownAgentsGiveEmptyNames() {
        UserAgentInfo info = READER.apply("zzz unknown thing");
        assertThat(info.browserName()).isEmpty();
        assertThat(info.browserMajorVersion()).isEmpty();
        assertThat(READER.apply("  ")).isEqualTo(UserAgentInfo.NONE);
    }

    @Test
    void exclusionsMatchDirectoryAndIdExactly() {
        UserExclusions exclusions = new UserExclusions(new String[] {"LAB\\sa_monitor", " "});
        assertThat(exclusions.excludes(SenseUser.of("LAB", "sa_monitor", ""))).isTrue();
        assertThat(exclusions.excludes(SenseUser.of("lab", "sa_monitor", ""))).isFalse();
        assertThat(exclusions.excludes(SenseUser.of("LAB", "goran", ""))).isFalse();
        assertThatThrownBy(() -> new UserExclusions(new String[] {"sa_monitor"})).hasMessageContaining("'sa_monitor'");
    }
}
