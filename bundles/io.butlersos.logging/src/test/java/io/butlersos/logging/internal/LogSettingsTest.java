package io.butlersos.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LogSettingsTest {

    @Test
    void levelKeysAndLevelsEntriesAreReadAndLevelKeysWin() {
        Map<String, String> levels = LevelKeys.read(new String[] {"io.butlersos.sense=debug", "org.eclipse.paho = warn"},
                Map.of("level.io.butlersos.sense", "TRACE", "level.io.butlersos.core", "warning", "other", "x"));
        assertThat(levels).containsOnly(Map.entry("io.butlersos.sense", "TRACE"), Map.entry("org.eclipse.paho", "WARN"),
                Map.entry("io.butlersos.core", "WARN"));
    }

    @Test
    void aBadLevelIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> LevelKeys.read(new String[0], Map.of("level.io.butlersos.sense", "LOUD")))
                .hasMessage("level.io.butlersos.sense: 'LOUD' is not a level (use OFF, ERROR, WARN, INFO, DEBUG or TRACE)");
        assertThatThrownBy(() -> LevelKeys.read(new String[] {"io.butlersos.sense"}, Map.of()))
                .hasMessage("levels: 'io.butlersos.sense' is not logger=LEVEL");
    }

    @Test
    void badSizesAndRootLevelsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> new LogSettings(Path.of("logs"), "INFO", Map.of(), true, true, "ten megs", 14, "1GB"))
                .hasMessage("file.max.size: 'ten megs' is not a size (e.g. 10MB, 500KB, 1GB)");
        assertThatThrownBy(() -> new LogSettings(Path.of("logs"), "chatty", Map.of(), true, true, "10MB", 14, "1GB"))
                .hasMessageStartingWith("root.level: 'chatty'");
    }

    @Test
    void bundleAndServiceEventsAreQuietUnlessConfigured() {
        LogSettings defaults = LogSettings.defaults(Path.of("logs"), null);
        assertThat(defaults.rootLevel()).isEqualTo("INFO");
        assertThat(defaults.levels()).containsEntry(LogServiceForwarder.BUNDLE_EVENTS, "WARN");
        LogSettings chatty = new LogSettings(Path.of("logs"), "INFO", Map.of(LogServiceForwarder.BUNDLE_EVENTS, "INFO"),
                true, true, "10MB", 14, "1GB");
        assertThat(chatty.levels()).containsEntry(LogServiceForwarder.BUNDLE_EVENTS, "INFO");
    }
}
