package io.butlersos.appenders.internal;

import java.util.List;

/**
 * One log4net UDP appender of a {@code LocalLogConfig.xml}.
 *
 * @param name the appender name
 * @param threshold the lowest level it sends ({@code warn}, {@code info}), or null for all
 * @param userEvents true for the user-event port (9997), false for the log-event port (9996)
 * @param pattern the PatternLayout conversion pattern: the wire format the events bundle parses
 * @param stringMatches messages it sends when not empty (StringMatchFilter each, then DenyAllFilter)
 * @param loggers the Sense loggers it is attached to
 */
record Appender(String name, String threshold, boolean userEvents, String pattern, List<String> stringMatches,
        List<String> loggers) {

    Appender {
        stringMatches = List.copyOf(stringMatches);
        loggers = List.copyOf(loggers);
    }
}
