package io.butlersos.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.butlersos.api.sense.AppInfo;
import io.butlersos.api.sense.AppNameDirectory;
import org.junit.jupiter.api.Test;

class AppNamesTrackerTest {

    static AppNameDirectory directory(Map<String, String> names) {
        return new AppNameDirectory() {
            @Override
            public Optional<String> appName(String appId) {
                return Optional.ofNullable(names.get(appId));
            }

            @Override
            public Map<String, AppInfo> apps() {
                return Map.of();
            }

            @Override
            public Optional<Instant> refreshedAt() {
                return Optional.empty();
            }
        };
    }

    @Test
    void asksEveryDirectoryAndFollowsThemComingAndGoing() {
        AppNamesTracker tracker = new AppNamesTracker();
        assertThat(tracker.nameOf("a")).isNull();

        AppNameDirectory one = directory(Map.of("a", "Sales"));
        AppNameDirectory two = directory(Map.of("b", "HR"));
        tracker.addDirectory(one);
        tracker.addDirectory(two);
        assertThat(tracker.nameOf("a")).isEqualTo("Sales");
        assertThat(tracker.nameOf("b")).isEqualTo("HR");
        assertThat(tracker.nameOf("c")).isNull();

        tracker.removeDirectory(one);
        assertThat(tracker.nameOf("a")).isNull();
    }
}
