package io.butlersos.sink.influxdb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * Signals shaped like Butler SOS's measurements (v1 names and types), for tests until the source
 * bundles' own records are on main.
 */
final class TestSignals {

    private TestSignals() {
    }

    /** One health poll of one server: the eight points Butler SOS writes per poll (§6.3). */
    record Health(Instant time, String origin, Map<String, String> tags, long committedMb, long calls,
            long cpuTotal, boolean saturated) implements Signal {

        @Override
        public String type() {
            return "sense.health";
        }

        @Override
        public List<Point> toPoints() {
            return List.of(
                    point("sense_server").field("version", "14.173.4").field("started", "20240101T000000.000+0000")
                            .field("uptime", "1 days, 2h 3m 4s").build(),
                    point("mem").field("comitted", committedMb).field("allocated", committedMb / 2)
                            .field("free", 1024L).build(),
                    point("apps").field("active_docs_count", 2L).field("loaded_docs_count", 3L)
                            .field("in_memory_docs_count", 4L).field("active_docs", "")
                            .field("active_docs_names", "\"Sales\",\"HR\"").field("calls", calls)
                            .field("selections", 17L).build(),
                    point("cpu").field("total", cpuTotal).build(),
                    point("session").field("active", 5L).field("total", 6L).build(),
                    point("users").field("active", 3L).field("total", 4L).build(),
                    point("cache").field("hits", 1L).field("lookups", 2L).field("added", 3L).field("replaced", 0L)
                            .field("bytes_added", 4096L).build(),
                    point("saturated").field("saturated", saturated).build());
        }

        private Point.Builder point(String measurement) {
            return Point.measurement(measurement).tags(tags).time(time);
        }
    }

    /** A proxy/repository log event as Butler SOS writes it (§7.2.2): log_row is a tag there. */
    record LogLine(Instant time, String origin, String host, String level, long logRow, String message,
            String resultCode) implements Signal {

        @Override
        public String type() {
            return "event.log";
        }

        @Override
        public List<Point> toPoints() {
            return List.of(Point.measurement("log_event")
                    .tag("host", host).tag("level", level).tag("source", "qseow-proxy")
                    .tag("log_row", Long.toString(logRow)).tag("subsystem", "Proxy.Audit")
                    .tag("user_full", "LAB\\joe").tag("user_directory", "LAB").tag("user_id", "joe")
                    .tag("result_code", resultCode)
                    .field("message", message).field("exception_message", "").field("command", "Login")
                    .field("result_code", resultCode).field("origin", "Proxy").field("context", "/hub")
                    .field("raw_event", "{\"message\":\"" + message.replace("\"", "\\\"") + "\"}")
                    .time(time).build());
        }
    }

    /** A user event (§7.2.1): userFull etc. are both tags and fields in v1. */
    record UserEvent(Instant time, String origin, String host, String user) implements Signal {

        @Override
        public String type() {
            return "event.user";
        }

        @Override
        public List<Point> toPoints() {
            return List.of(Point.measurement("user_events")
                    .tag("host", host).tag("event_action", "Start session").tag("userFull", "LAB\\" + user)
                    .tag("userDirectory", "LAB").tag("userId", user).tag("origin", "AppAccess")
                    .field("userFull", "LAB\\" + user).field("userId", user).time(time).build());
        }
    }

    /** Per-interval event counts (§7.2.3); v1 wrote the counter as a float. */
    record EventCount(Instant time, String origin, String source, double counter) implements Signal {

        @Override
        public String type() {
            return "event.counts";
        }

        @Override
        public List<Point> toPoints() {
            return List.of(Point.measurement("event_count").tag("event_type", "log").tag("source", source)
                    .tag("host", "sense1").tag("subsystem", "System.Engine").field("counter", counter)
                    .time(time).build());
        }
    }

    /** A signal whose point no line can carry (a NaN is its only field). */
    record Unwritable(Instant time, String origin) implements Signal {

        @Override
        public String type() {
            return "test.unwritable";
        }

        @Override
        public List<Point> toPoints() {
            return List.of(Point.measurement("broken").field("value", Double.NaN).time(time).build());
        }
    }
}
