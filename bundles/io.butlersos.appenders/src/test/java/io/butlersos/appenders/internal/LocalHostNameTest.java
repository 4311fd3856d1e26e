package io.butlersos.appenders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalHostNameTest {

    @Test
    void theDerivedAddressNeverSendsSenseBackToItsOwnLoopback() {
        String name = SenseLogConfigsComponent.localHostName();
        assertThat(ReceiverSettingsReader.isLoopback(name)).as(name).isFalse();
        assertThat(name).isNotBlank();
    }
}
