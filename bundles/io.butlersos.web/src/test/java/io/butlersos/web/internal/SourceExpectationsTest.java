package io.butlersos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;

class SourceExpectationsTest {

    private static Hashtable<String, Object> props(Object... kv) {
        Hashtable<String, Object> p = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void senseServersAndEnabledReceiversAreExpectedWithinTheirGrace() {
        List<SourceExpectation> expected = SourceExpectations.of(List.of(
                new SourceExpectations.Config("io.butlersos.sense.server~b", "io.butlersos.sense.server",
                        props("server.name", "beta", "health.interval.ms", "10000")),
                new SourceExpectations.Config("io.butlersos.sense.server~a", "io.butlersos.sense.server",
                        props("server.name", "alpha")),
                new SourceExpectations.Config("io.butlersos.sense.server~x", "io.butlersos.sense.server",
                        props("host", "no-name")),
                new SourceExpectations.Config("io.butlersos.events.log", null, props("metrics.interval.s", 5L)),
                new SourceExpectations.Config("io.butlersos.events.user", null, props("enabled", "false"))), 3);
        assertThat(expected).containsExactly(
                new SourceExpectation("sense.server", "alpha", "io.butlersos.sense.server~a", Duration.ofSeconds(90)),
                new SourceExpectation("sense.server", "beta", "io.butlersos.sense.server~b", Duration.ofSeconds(30)),
                new SourceExpectation("udp.receiver", "log_events", "io.butlersos.events.log", Duration.ofSeconds(15)));
    }

    @Test
    void receiversWithoutMetricsAreNotExpectedToReport() {
        assertThat(SourceExpectations.of(List.of(new SourceExpectations.Config("io.butlersos.events.user", null,
                props("metrics.enabled", false))), 3)).isEmpty();
    }

    @Test
    void unreadableNumbersFallBackToTheDefault() {
        assertThat(SourceExpectations.number("abc", 7)).isEqualTo(7);
        assertThat(SourceExpectations.number("30_000", 7)).isEqualTo(30_000);
        assertThat(SourceExpectations.number(-1L, 7)).isEqualTo(7);
        assertThat(SourceExpectations.number(new String[] {"12"}, 7)).isEqualTo(12);
    }
}
