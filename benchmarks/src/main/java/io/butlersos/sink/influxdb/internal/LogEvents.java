package io.butlersos.sink.influxdb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.events.AuditDetails;
import io.butlersos.api.events.EngineDetails;
import io.butlersos.api.events.EventCategory;
import io.butlersos.api.events.EventHeader;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.LogSource;
import io.butlersos.api.events.SenseUser;
import io.butlersos.api.events.TimeSource;

/** Log events shaped like a busy Sense site's: proxy audit and engine lines, a few hosts and users. */
public final class LogEvents {

    private static final String[] HOSTS = {"sense1", "sense2", "sense3", "sense4"};
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "ERROR"};
    private static final String[] USERS = {"anna", "goran", "li", "maria", "sven", "yusuf"};

    private LogEvents() {
    }

    /** The {@code n}th event of the stream, stamped {@code time}. */
    public static LogEvent event(long n, Instant time) {
        String host = HOSTS[(int) (n % HOSTS.length)];
        String level = LEVELS[(int) (n % LEVELS.length)];
        String user = USERS[(int) (n % USERS.length)];
        boolean engine = n % 3 == 0;
        EventHeader header = new EventHeader(engine ? LogSource.ENGINE : LogSource.PROXY, n,
                "20261129T081530.123+0100", "2026-11-29 08:15:30,123", level, host,
                engine ? "System.Engine.Engine" : "Audit.Proxy.Proxy", "LAB\\qlikservice", time,
                TimeSource.SENSE_ISO);
        if (engine) {
            return new LogEvent(time, Map.of(), header, "Engine is running low on memory, " + n + " MB free", "",
                    SenseUser.of("LAB", user, ""), new EngineDetails("", "", "", "14.173.4", "", "Warning",
                            "s-" + (n % 997), "app-" + (n % 50), "Sales dashboard " + (n % 50)), List.of());
        }
        return new LogEvent(time, Map.of("qs_env", "prod"), header,
                "Access was denied for User: 'LAB\\" + user + "', directory: \"LAB\" request " + n, "",
                SenseUser.of("LAB", user, ""), new AuditDetails("Login", "403", "AppAccess", "/hub/"),
                List.of(new EventCategory("qs_log_category", "access-denied")));
    }
}
