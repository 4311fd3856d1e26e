package io.butlersos.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogServiceForwarderTest {

    @Test
    void eventEntriesGetOneLoggerPerKindSoTheyCanBeQuietedTogether() {
        assertThat(LogServiceForwarder.loggerName("LogService", "BundleEvent STARTED", null)).isEqualTo("osgi.events.bundle");
        assertThat(LogServiceForwarder.loggerName("Events.Service", "ServiceEvent REGISTERED", null)).isEqualTo("osgi.events.service");
        assertThat(LogServiceForwarder.loggerName("LogService", "FrameworkEvent ERROR", null)).isEqualTo("osgi.events.framework");
        assertThat(LogServiceForwarder.loggerName("Events.Framework", "something", null)).isEqualTo("osgi.events.framework");
    }

    @Test
    void otherEntriesAreNamedAfterTheLoggerWhenNoBundleIsKnown() {
        assertThat(LogServiceForwarder.loggerName("org.apache.felix.scr", "component activated", null)).isEqualTo("org.apache.felix.scr");
        assertThat(LogServiceForwarder.loggerName(null, "x", null)).isEqualTo("osgi.log");
    }
}
