package io.butlersos.itest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.events.SenseUser;
import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.api.events.UserEvent;
import io.butlersos.api.sense.ActiveTotal;
import io.butlersos.api.sense.DocList;
import io.butlersos.api.sense.EngineApps;
import io.butlersos.api.sense.EngineCache;
import io.butlersos.api.sense.EngineMemory;
import io.butlersos.api.sense.HealthSample;

/** Real signal records for the output tests, with values the assertions can name. */
public final class OutputSignals {

    private OutputSignals() {
    }

    public static HealthSample health(String server, double cpu) {
        DocList two = new DocList(List.of("a1", "a2"), List.of(), List.of(), false, false);
        return new HealthSample(Instant.now(), server, Map.of("host", server + ".lab", "server_name", server,
                "server_description", "itest"), "https://" + server + ".lab:4747/engine/healthcheck/", "14.5.4",
                "20261128T081530.000+0100", Instant.parse("2026-11-28T07:15:30Z"), new EngineMemory(100.0, 50.0, 900.0),
                cpu, new ActiveTotal(1L, 2L), new ActiveTotal(1L, 1L), new EngineApps(two, two, two, 10L, 3L),
                new EngineCache(5L, 9L, 1L, 0L, 64L), Boolean.FALSE);
    }

    public static UserEvent userEvent(String user) {
        return new UserEvent(Instant.now(), Map.of(), "qseow-proxy-session", "sense1.lab", "Start session",
                SenseUser.of("LAB", user, null), "AppAccess", "/hub/", "Start session for user", "", "",
                UserAgentInfo.NONE);
    }
}
