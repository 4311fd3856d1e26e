package io.butlersos.appenders.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the events bundle's receiver configurations ({@code io.butlersos.events.log} and
 * {@code io.butlersos.events.user}) as Config Admin holds them. The fallbacks are the events bundle's
 * defaults (its OCDs), repeated here because that bundle exports no API for them.
 */
final class ReceiverSettingsReader {

    static final String LOG_PID = "io.butlersos.events.log";
    static final String USER_PID = "io.butlersos.events.user";

    private ReceiverSettingsReader() {
    }

    /**
     * @param log the log receiver's properties, or null when it has no configuration (it is off)
     * @param user the user receiver's properties, or null
     * @param configuredRemote the address set in this bundle's configuration; blank to derive it
     * @param localHost this machine's name, used when the receiver listens on all or only loopback addresses
     */
    static Receivers read(Map<String, ?> log, Map<String, ?> user, String configuredRemote, Supplier<String> localHost) {
        List<String> notes = new ArrayList<>();
        Set<String> refused = new TreeSet<>();
        String bind = text(log, "bind.address", "127.0.0.1");
        int logPort = port(log, 9996, LOG_PID, notes);
        int userPort = port(user, 9997, USER_PID, notes);

        if (log == null) {
            notes.add("No log events receiver is configured (" + LOG_PID + "): the agent does not listen on UDP " + logPort
                    + " until it is.");
        } else if (!bool(log, "enabled", true)) {
            notes.add("The log events receiver is switched off (" + LOG_PID + " enabled = false).");
        }
        if (user == null) {
            notes.add("No user events receiver is configured (" + USER_PID + "): the agent does not listen on UDP " + userPort
                    + " until it is.");
            refused.add("user");
        } else if (!bool(user, "enabled", true)) {
            notes.add("The user events receiver is switched off (" + USER_PID + " enabled = false).");
            refused.add("user");
        }
        if (isLoopback(bind)) {
            notes.add("The receiver listens on " + bind + " only, which Sense nodes on other machines cannot reach: set "
                    + "bind.address in " + LOG_PID + " and " + USER_PID + " to this machine's address or 0.0.0.0.");
        }
        for (String[] source : new String[][] {{"engine", "false"}, {"qix.perf", "true"}, {"proxy", "false"},
                {"repository", "false"}, {"scheduler", "false"}}) {
            if (!bool(log, "source." + source[0], Boolean.parseBoolean(source[1]))) {
                refused.add(source[0]);
            }
        }

        String remote;
        if (configuredRemote != null && !configuredRemote.isBlank()) {
            remote = configuredRemote.strip();
        } else if (isLoopback(bind) || isWildcard(bind)) {
            remote = localHost.get();
        } else {
            remote = bind;
        }
        return new Receivers(remote, logPort, userPort, notes, refused);
    }

    static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]") || address.isBlank();
    }

    static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("[::1]")
                || address.equalsIgnoreCase("localhost");
    }

    private static String text(Map<String, ?> props, String key, String fallback) {
        Object value = props == null ? null : props.get(key);
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value).strip();
    }

    private static boolean bool(Map<String, ?> props, String key, boolean fallback) {
        Object value = props == null ? null : props.get(key);
        return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value).strip());
    }

    private static int port(Map<String, ?> props, int fallback, String pid, List<String> notes) {
        String value = text(props, "port", String.valueOf(fallback));
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            notes.add(pid + " port '" + value + "' is not a port; " + fallback + " is used here.");
            return fallback;
        }
    }
}
