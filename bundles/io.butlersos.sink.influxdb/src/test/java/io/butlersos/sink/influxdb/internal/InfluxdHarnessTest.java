package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** What the real-server tests do when influxd is missing: fail under CI, skip with the package's name otherwise. */
class InfluxdHarnessTest {

    @Test
    void failsUnderCi() {
        assertThatThrownBy(() -> Influxd.unavailable("true")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Debian package 'influxdb'");
    }

    @Test
    void skipsWithTheMessageElsewhere() {
        assertThatThrownBy(() -> Influxd.unavailable(null)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install -y influxdb influxdb-client");
    }
}
