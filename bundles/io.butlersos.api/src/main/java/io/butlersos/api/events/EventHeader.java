package io.butlersos.api.events;

import java.time.Instant;

/**
 * The fields every log datagram on port 9996 starts with, in wire order after the prefix.
 *
 * @param source the service, from the wire prefix
 * @param logRow the row counter of the Sense appender ({@code %rownum}), -1 when not a number
 * @param tsIso the ISO timestamp as sent ({@code %longIso8601date}), empty when absent or unreadable
 * @param tsLocal the local timestamp as sent ({@code %date}), empty when absent or unreadable
 * @param level the log level, e.g. {@code WARN}
 * @param host the Sense node
 * @param subsystem the log4net logger, e.g. {@code System.Scheduler.Scheduler.Slave.Tasks.ReloadTask}
 * @param windowsUser the Windows account of the service, e.g. {@code LAB\qlikservice}
 * @param receivedAt when the datagram arrived
 * @param timeSource which timestamp the signal time was taken from
 */
public record EventHeader(
        LogSource source,
        long logRow,
        String tsIso,
        String tsLocal,
        String level,
        String host,
        String subsystem,
        String windowsUser,
        Instant receivedAt,
        TimeSource timeSource) {
}
