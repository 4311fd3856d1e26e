package io.butlersos.config.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.butlersos.config.internal.schema.DidYouMean;
import io.butlersos.config.internal.schema.Doc;

/**
 * Butler SOS's per-feature New Relic routing, as the signal types each account's sink takes. In Butler SOS
 * every feature names its accounts in a {@code destinationAccount} list; here each account is one sink, so
 * an account's types are the features whose lists name it:
 * <ul>
 * <li>health and proxy session metrics: {@code newRelic.metric.destinationAccount}. Butler SOS reads no
 * such list and sends them to {@code userEvents.sendToNewRelic.destinationAccount} instead; that list is
 * used when the metric list is empty, so files written for Butler SOS keep their routing;</li>
 * <li>uptime and memory: {@code uptimeMonitor.storeNewRelic.destinationAccount};</li>
 * <li>user events: {@code userEvents.sendToNewRelic.destinationAccount};</li>
 * <li>log events: {@code logEvents.sendToNewRelic.destinationAccount}, per Sense service and level.</li>
 * </ul>
 */
final class NewRelicRouting {

    static final String ACCOUNTS = "thirdPartyToolsCredentials.newRelic";
    static final String METRIC_DESTINATIONS = "newRelic.metric.destinationAccount";
    static final String USER_DESTINATIONS = "userEvents.sendToNewRelic.destinationAccount";
    static final String LOG_DESTINATIONS = "logEvents.sendToNewRelic.destinationAccount";
    static final String UPTIME_DESTINATIONS = "uptimeMonitor.storeNewRelic.destinationAccount";
    static final String LOG_SOURCES = "logEvents.sendToNewRelic.source";
    static final String PROXY_SESSIONS = "newRelic.metric.dynamic.proxy.sessions.enable";

    /** The Sense services Butler SOS can send log events of, in its order; the sink's {@code log.sources} names. */
    private static final List<String> SERVICES = List.of("engine", "proxy", "repository", "scheduler");

    /** Every YAML key the routing reads, for the mapping table's coverage. */
    static final List<String> SOURCES = List.of(METRIC_DESTINATIONS, USER_DESTINATIONS, LOG_DESTINATIONS,
            UPTIME_DESTINATIONS, PROXY_SESSIONS, "userEvents.sendToNewRelic.enable", "logEvents.sendToNewRelic.enable",
            "uptimeMonitor.storeNewRelic.enable");

    private NewRelicRouting() {
    }

    static boolean newRelicOn(Doc doc) {
        return doc.has("newRelic") && doc.notFalse("newRelic.enable");
    }

    /** The account names the metric senders use: the metric list, or Butler SOS's user-event list when it is empty. */
    static List<String> metricAccounts(Doc doc) {
        List<String> metric = names(doc.get(METRIC_DESTINATIONS));
        return metric.isEmpty() ? names(doc.find(USER_DESTINATIONS)) : metric;
    }

    private static boolean userEventsOn(Doc doc) {
        return doc.has("userEvents") && doc.notFalse("userEvents.enable") && doc.has("userEvents.sendToNewRelic")
                && doc.notFalse("userEvents.sendToNewRelic.enable");
    }

    private static boolean logEventsOn(Doc doc) {
        return doc.has("logEvents.sendToNewRelic") && doc.notFalse("logEvents.sendToNewRelic.enable");
    }

    private static boolean uptimeOn(Doc doc) {
        return doc.has("uptimeMonitor.storeNewRelic") && doc.notFalse("uptimeMonitor.storeNewRelic.enable");
    }

    /** The signal types of the account at {@code item}, in the sink's order; empty when nothing goes there. */
    static List<String> signalTypes(Doc doc, String item) {
        String account = accountName(doc, item);
        List<String> types = new ArrayList<>();
        if (metricAccounts(doc).contains(account)) {
            types.add("sense.health");
            if (doc.notFalse(PROXY_SESSIONS)) {
                types.add("sense.sessions");
            }
        }
        if (uptimeOn(doc) && names(doc.get(UPTIME_DESTINATIONS)).contains(account)) {
            types.add("agent.stats");
        }
        Map<String, String> logSources = logSourceLevels(doc);
        if (logEventsOn(doc) && names(doc.get(LOG_DESTINATIONS)).contains(account)
                && (logSources == null || !logSources.isEmpty())) {
            types.add("event.log");
        }
        if (userEventsOn(doc) && names(doc.get(USER_DESTINATIONS)).contains(account)) {
            types.add("event.user");
        }
        return types;
    }

    /** Whether the account at list index {@code index} gets any signal: an account nothing is routed to gets no sink. */
    static boolean routed(Doc doc, int index) {
        return !signalTypes(doc, ACCOUNTS + "[" + index + "]").isEmpty();
    }

    /**
     * The sink's {@code log.sources}: each Sense service that is on, with its levels ({@code engine=ERROR|FATAL|WARN}).
     * Null when the file does not narrow them (every service at every level Butler SOS sends); empty when every
     * service is off. Butler SOS's {@code logLevel.error} also sends FATAL here: it never sent fatal events at all.
     */
    static Map<String, String> logSourceLevels(Doc doc) {
        if (!doc.has(LOG_SOURCES)) {
            return null;
        }
        Map<String, String> sources = new LinkedHashMap<>();
        boolean narrowed = false;
        for (String service : SERVICES) {
            String path = LOG_SOURCES + "." + service;
            List<String> levels = new ArrayList<>();
            if (doc.notFalse(path + ".enable")) {
                if (doc.notFalse(path + ".logLevel.error")) {
                    levels.add("ERROR");
                    levels.add("FATAL");
                }
                if (doc.notFalse(path + ".logLevel.warn")) {
                    levels.add("WARN");
                }
            }
            narrowed |= levels.size() < 3;
            if (!levels.isEmpty()) {
                sources.put(service, String.join("|", levels));
            }
        }
        return narrowed ? sources : null;
    }

    static String[] logSources(Doc doc) {
        Map<String, String> sources = logSourceLevels(doc);
        if (sources == null || sources.isEmpty()) {
            return null; // every service; none at all takes event.log out of the account's types instead
        }
        return sources.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** Destination names that match no account, accounts nothing is routed to, and the metric list fallback. */
    static List<String> notices(Doc doc) {
        List<String> notices = new ArrayList<>();
        if (!newRelicOn(doc)) {
            return notices;
        }
        List<String> accounts = accountNames(doc);
        unknownNames(doc, METRIC_DESTINATIONS, names(doc.get(METRIC_DESTINATIONS)), accounts, notices);
        if (names(doc.get(METRIC_DESTINATIONS)).isEmpty() && !metricAccounts(doc).isEmpty()) {
            notices.add(Doc.display(METRIC_DESTINATIONS) + " is empty: health and proxy session metrics go to the "
                    + "accounts of " + Doc.display(USER_DESTINATIONS) + ", as in Butler SOS");
            if (!userEventsOn(doc)) {
                unknownNames(doc, USER_DESTINATIONS, names(doc.find(USER_DESTINATIONS)), accounts, notices);
            }
        }
        if (userEventsOn(doc)) {
            unknownNames(doc, USER_DESTINATIONS, names(doc.get(USER_DESTINATIONS)), accounts, notices);
        }
        if (logEventsOn(doc)) {
            unknownNames(doc, LOG_DESTINATIONS, names(doc.get(LOG_DESTINATIONS)), accounts, notices);
        }
        if (uptimeOn(doc)) {
            unknownNames(doc, UPTIME_DESTINATIONS, names(doc.get(UPTIME_DESTINATIONS)), accounts, notices);
        }
        for (int i = 0; i < accounts.size(); i++) {
            if (!routed(doc, i)) {
                notices.add(Doc.display(ACCOUNTS + "[" + i + "]") + ": account \"" + accounts.get(i)
                        + "\" is in no destinationAccount list of a feature that is on; nothing is sent to it");
            }
        }
        return notices;
    }

    private static void unknownNames(Doc doc, String list, List<String> names, List<String> accounts, List<String> notices) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!accounts.contains(name)) {
                notices.add(Doc.display(list + "[" + i + "]") + ": no account \"" + name + "\" in "
                        + Doc.display(ACCOUNTS) + DidYouMean.hint(name, accounts) + "; nothing is sent there");
            }
        }
    }

    private static List<String> accountNames(Doc doc) {
        Object list = doc.get(ACCOUNTS);
        int size = list instanceof List<?> l ? l.size() : 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            names.add(accountName(doc, ACCOUNTS + "[" + i + "]"));
        }
        return names;
    }

    private static String accountName(Doc doc, String item) {
        return String.valueOf(doc.get(item + ".accountName"));
    }

    /** A destination list: its names, or empty when absent or null. */
    private static List<String> names(Object list) {
        if (!(list instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(Objects::nonNull).map(String::valueOf).toList();
    }
}
