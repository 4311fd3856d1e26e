package io.butlersos.agent.internal;

import java.time.Duration;

/** Uptime in Butler SOS's words: months (of 30 days), days, hours, minutes, seconds. */
final class UptimeText {

    private UptimeText() {
    }

    static String of(Duration uptime) {
        long seconds = Math.max(0, uptime.getSeconds());
        long months = seconds / (30L * 86_400);
        seconds -= months * 30L * 86_400;
        long days = seconds / 86_400;
        seconds -= days * 86_400;
        long hours = seconds / 3_600;
        seconds -= hours * 3_600;
        long minutes = seconds / 60;
        seconds -= minutes * 60;
        return months + " months, " + days + " days, " + hours + " hours, " + minutes + " minutes, "
                + seconds + " seconds";
    }
}
