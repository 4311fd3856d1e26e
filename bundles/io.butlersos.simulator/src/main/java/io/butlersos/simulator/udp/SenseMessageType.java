package io.butlersos.simulator.udp;

/** The seven message types Sense sends over UDP, by the appender that sends them. */
public enum SenseMessageType {
    /** Engine warnings and errors, 19 fields, port 9996. */
    ENGINE("/qseow-engine/", false),
    /** Proxy warnings and errors, 16 fields, port 9996. */
    PROXY("/qseow-proxy/", false),
    /** Repository warnings and errors, 16 fields, port 9996. */
    REPOSITORY("/qseow-repository/", false),
    /** Scheduler warnings and errors, 18 fields, port 9996. */
    SCHEDULER("/qseow-scheduler/", false),
    /** QIX performance log lines, 26 fields, port 9996. */
    QIX_PERF("/qseow-qix-perf/", false),
    /** Proxy session start/stop, 8 fields, port 9997. */
    PROXY_SESSION("/qseow-proxy-session/", true),
    /** Proxy connection open/close, 8 fields, port 9997. */
    PROXY_CONNECTION("/qseow-proxy-connection/", true);

    private final String prefix;
    private final boolean userEvent;

    SenseMessageType(String prefix, boolean userEvent) {
        this.prefix = prefix;
        this.userEvent = userEvent;
    }

    /** The first field, e.g. {@code /qseow-engine/}. */
    public String prefix() {
        return prefix;
    }

    /** True for the user activity port (9997), false for the log port (9996). */
    public boolean userEvent() {
        return userEvent;
    }
}
