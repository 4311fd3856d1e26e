package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobalTagsTest {

    @Test
    void readsArraysAndCommaSeparatedCfgValues() {
        assertThat(GlobalTags.parse(new String[] {"env=prod", "site = oslo"}))
                .containsEntry("env", "prod").containsEntry("site", "oslo");
        assertThat(GlobalTags.parse(new String[] {"env=prod, site=oslo,"}))
                .containsEntry("env", "prod").containsEntry("site", "oslo").hasSize(2);
        assertThat(GlobalTags.parse(new String[0])).isEmpty();
    }

    @Test
    void namesABadEntry() {
        assertThatThrownBy(() -> GlobalTags.parse(new String[] {"env=prod, site"}))
                .hasMessage("tags entry 'site' must look like key=value");
    }
}
