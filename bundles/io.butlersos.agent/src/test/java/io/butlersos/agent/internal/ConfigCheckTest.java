package io.butlersos.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class ConfigCheckTest {

    @Test
    void namesPidKeyAndValue() {
        assertThat(ConfigCheck.atLeast("p", "interval.s", 5, 1)).isEqualTo(5);
        assertThatThrownBy(() -> ConfigCheck.atLeast("io.butlersos.agent.heartbeat", "interval.s", 0, 1))
                .hasMessage("io.butlersos.agent.heartbeat interval.s must be at least 1, not 0");
    }

    @Test
    void aHeartbeatWithABadIntervalStaysOffInsteadOfFailing() {
        HeartbeatComponent component = new HeartbeatComponent();
        try {
            assertThatCode(() -> component.activate(heartbeat("http://127.0.0.1:9/", 0)))
                    .doesNotThrowAnyException();
            assertThatCode(() -> component.modified(heartbeat("ftp://127.0.0.1/", 60)))
                    .doesNotThrowAnyException();
        } finally {
            component.deactivate();
        }
    }

    private static HeartbeatConfig heartbeat(String url, long intervalS) {
        return new HeartbeatConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HeartbeatConfig.class;
            }

            @Override
            public boolean enable() {
                return true;
            }

            @Override
            public String remote_url() {
                return url;
            }

            @Override
            public long interval_s() {
                return intervalS;
            }

            @Override
            public long timeout_ms() {
                return 1000;
            }
        };
    }
}
