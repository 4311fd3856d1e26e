package io.butlersos.config.internal.mapping;

import static io.butlersos.config.internal.mapping.Convert.APP_REFS;
import static io.butlersos.config.internal.mapping.Convert.AS_IS;
import static io.butlersos.config.internal.mapping.Convert.HEADER_MAP;
import static io.butlersos.config.internal.mapping.Convert.LOG_LEVEL;
import static io.butlersos.config.internal.mapping.Convert.MS_TO_SECONDS;
import static io.butlersos.config.internal.mapping.Convert.NAME_VALUES;
import static io.butlersos.config.internal.mapping.Convert.SCHEDULE_SECONDS;
import static io.butlersos.config.internal.mapping.Convert.STRINGS;
import static io.butlersos.config.internal.mapping.Convert.TAG_MAP;
import static io.butlersos.config.internal.mapping.Convert.USERS;
import static io.butlersos.config.internal.mapping.Convert.VIRTUAL_PROXIES;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.butlersos.config.internal.schema.Doc;

/**
 * Where every Butler SOS key goes: which PID, which attribute (the attribute names of each bundle's
 * {@code @ObjectClassDefinition}). One row per key. A bundle that lands later is one changed row: replace
 * {@code notYet(...)} with {@code map(...)}.
 */
public final class MappingTable {

    // ---- targets: the PIDs of the bundles' components ----
    static final Target HOSTINFO = Target.singleton("io.butlersos.hostinfo");
    static final Target UPTIME = Target.singleton("io.butlersos.agent.uptime");
    static final Target HEARTBEAT = Target.singleton("io.butlersos.agent.heartbeat");
    static final Target ERRORS = Target.singleton("io.butlersos.agent.errortracking");
    static final Target CERT = Target.factoryWhen("io.butlersos.cert", "default", doc -> doc.has("cert"));
    static final Target SERVER = Target.perItem("io.butlersos.sense.server", "serversToMonitor.servers",
            (doc, i) -> Names.slug(String.valueOf(doc.get("serversToMonitor.servers[" + i + "].serverName"))));
    static final Target APP_NAMES = Target.requiredWhen("io.butlersos.sense.appnames",
            doc -> doc.has("appNames") && doc.notFalse("appNames.enableAppNameExtract"));
    static final Target INFLUX = Target.factoryWhen("io.butlersos.sink.influxdb", "influxdb",
            doc -> doc.has("influxdbConfig") && doc.notFalse("influxdbConfig.enable"));
    static final Target LOG_EVENTS = Target.requiredWhen("io.butlersos.events.log", MappingTable::logEventsOn);
    static final Target USER_EVENTS = Target.requiredWhen("io.butlersos.events.user",
            doc -> doc.has("userEvents") && doc.notFalse("userEvents.enable"));
    static final Target COUNTS = Target.singleton("io.butlersos.events.counts");
    static final Target CATEGORISE = Target.singleton("io.butlersos.events.categorise");
    static final Target RULE = Target.perItem("io.butlersos.events.rule", "logEvents.categorise.rules",
            (doc, i) -> String.format("rule-%02d", i + 1));
    static final Target QIX = Target.singleton("io.butlersos.events.qixperf");
    static final String APP_LIST = "logEvents.enginePerformanceMonitor.monitorFilter.appSpecific.app";
    static final Target QIX_APP = Target.perItem("io.butlersos.events.qixperf.app", APP_LIST,
            (doc, i) -> String.format("app-%02d", i + 1));

    static final Target PROMETHEUS = Target.factoryWhen("io.butlersos.sink.prometheus", "default",
            doc -> doc.has("prometheus") && doc.notFalse("prometheus.enable"));
    /** One sink per account that some feature routes to (see {@link NewRelicRouting}). */
    static final Target NEW_RELIC = Target.perItemWhen("io.butlersos.sink.newrelic", NewRelicRouting.ACCOUNTS,
            (doc, i) -> Names.slug(String.valueOf(doc.get(NewRelicRouting.ACCOUNTS + "[" + i + "].accountName"))),
            NewRelicRouting::newRelicOn, NewRelicRouting::routed);
    static final Target WEB = Target.requiredWhen("io.butlersos.web", WebEndpoints::on);

    static final Target LOGGING = Target.singleton("io.butlersos.logging");
    static final Target MQTT = Target.factoryWhen("io.butlersos.sink.mqtt", "default",
            doc -> doc.has("mqttConfig") && doc.notFalse("mqttConfig.enable"));

    /** Every signal type the agent publishes; a sink's list is this minus what the YAML says not to store. */
    static final List<String> SIGNAL_TYPES = List.of("sense.health", "sense.sessions", "event.log", "event.qix-perf",
            "event.user", "event.counts", "event.rejected-counts", "event.receiver", "agent.stats", "agent.error",
            "agent.sink", "host.info");

    private static final String NR_ONE_ATTRIBUTE_LIST = "one list of static attributes per New Relic account: "
            + "newRelic.metric.attribute.static is used for every signal";

    private static final List<Row> ROWS = new ArrayList<>();
    private static final List<Derived> DERIVED = new ArrayList<>();

    static {
        // Logging, crash files and telemetry: the JVM and the agent handle these differently.
        map("logLevel", LOGGING, "root_level", Convert.ROOT_LEVEL);
        map("fileLogging", LOGGING, "file_enabled");
        map("logDirectory", LOGGING, "file_directory", Convert.LOG_DIRECTORY);
        ignore("crashFile", "a JVM writes no Node.js crash dumps; failures are logged");
        notYet("anonTelemetry", "no telemetry is ever sent because of a Butler SOS file; "
                + "the opt-in io.butlersos.agent.telemetry has its own URL", "anonTelemetry");
        map("systemInfo.enable", HOSTINFO, "enable");

        // Butler SOS's configuration page and Docker health check: the web bundle's configuration view and /health.
        switches("configVisualisation.enable", WEB);
        switches("dockerHealthCheck.enable", WEB);
        derive(WEB, "host", List.of("configVisualisation.host"), (doc, item) -> WebEndpoints.host(doc));
        derive(WEB, "port", List.of("configVisualisation.port", "dockerHealthCheck.port"), (doc, item) -> WebEndpoints.port(doc));
        ignore("configVisualisation.obfuscate", "the configuration view always masks secrets (noticed when false)");

        map("heartbeat.enable", HEARTBEAT, "enable");
        map("heartbeat.remoteURL", HEARTBEAT, "remote_url");
        map("heartbeat.frequency", HEARTBEAT, "interval_s", SCHEDULE_SECONDS);

        map("uptimeMonitor.enable", UPTIME, "enable");
        map("uptimeMonitor.frequency", UPTIME, "interval_s", SCHEDULE_SECONDS);
        map("uptimeMonitor.logLevel", UPTIME, "log_level", LOG_LEVEL);
        map("uptimeMonitor.storeInInfluxdb.instanceTag", UPTIME, "instance_tag");
        map("uptimeMonitor.storeInInfluxdb.instanceTag", HOSTINFO, "instance_tag");
        ignore("uptimeMonitor.storeNewRelic.attribute", NR_ONE_ATTRIBUTE_LIST + "; the agent version is sent as butlerSosVersion");
        ignore("uptimeMonitor.storeNewRelic.metric.dynamic", "the sink sends every agent gauge (heap, process memory, uptime)");

        map("errorTracking.enable", ERRORS, "enable");
        map("errorTracking.logSummary.enable", ERRORS, "log_summary_enable");
        ignore("errorTracking.influxdb.measurementName", "the InfluxDB sink writes errors to butler_sos_errors");

        // One New Relic sink per account; written when newRelic is on.
        String account = "thirdPartyToolsCredentials.newRelic[*]";
        map(account + ".accountName", NEW_RELIC, "account_name");
        map(account + ".accountId", NEW_RELIC, "account_id");
        map(account + ".insertApiKey", NEW_RELIC, "_insert_key");
        switches("newRelic.enable", NEW_RELIC);
        map("newRelic.metric.url", NEW_RELIC, "metric_url");
        map("newRelic.event.url", NEW_RELIC, "event_url", Convert.NEW_RELIC_EVENT_URL);
        map("newRelic.metric.header", NEW_RELIC, "headers", Convert.NAME_VALUE_HEADERS);
        map("newRelic.metric.attribute.static", NEW_RELIC, "static_attributes", NAME_VALUES);
        ignore("newRelic.event.header", "one header list per account: newRelic.metric.header is used");
        ignore("newRelic.event.attribute", "one attribute list per account: newRelic.metric.attribute.static is used");
        ignore("newRelic.metric.attribute.dynamic", "the sink's dynamic_attributes (default butlerSosVersion) apply");
        notYet("newRelic.metric.dynamic", "the New Relic sink sends every engine, app and cache metric; "
                + "per-metric switches are not mapped (proxy.sessions is: off, no account gets sense.sessions)", null);
        // Which account gets which signals: each account's signal types (and log services and levels).
        derive(NEW_RELIC, "butlersos_sink_signal_types", NewRelicRouting.SOURCES,
                (doc, item) -> NewRelicRouting.signalTypes(doc, item).toArray(String[]::new));
        derive(NEW_RELIC, "log_sources", List.of(NewRelicRouting.LOG_SOURCES), (doc, item) -> NewRelicRouting.logSources(doc));
        map("userEvents.sendToNewRelic.scramble", NEW_RELIC, "scramble_user_ids");

        map("qlikSenseEvents.influxdb.writeFrequency", COUNTS, "interval_s", MS_TO_SECONDS);
        map("qlikSenseEvents.eventCount.enable", COUNTS, "event_count_enabled");
        map("qlikSenseEvents.eventCount.influxdb.measurementName", COUNTS, "event_count_measurement");
        map("qlikSenseEvents.eventCount.influxdb.tags", COUNTS, "event_count_tags", NAME_VALUES);
        map("qlikSenseEvents.rejectedEventCount.enable", COUNTS, "rejected_count_enabled");
        map("qlikSenseEvents.rejectedEventCount.influxdb.measurementName", COUNTS, "rejected_count_measurement");

        udpReceiver("userEvents", "portUserActivityEvents", USER_EVENTS);
        map("userEvents.excludeUser", USER_EVENTS, "exclude_users", USERS);
        map("userEvents.tags", USER_EVENTS, "tags", NAME_VALUES);
        String userTopics = "userEvents.sendToMQTT.postTo.";
        mqttTopic(userTopics + "everythingTopic", "user_events_topic");
        mqttTopic(userTopics + "sessionStartTopic", "user_events_session_start_topic");
        mqttTopic(userTopics + "sessionStopTopic", "user_events_session_stop_topic");
        mqttTopic(userTopics + "connectionOpenTopic", "user_events_connection_open_topic");
        mqttTopic(userTopics + "connectionCloseTopic", "user_events_connection_close_topic");

        udpReceiver("logEvents", "portLogEvents", LOG_EVENTS);
        map("logEvents.tags", LOG_EVENTS, "tags", NAME_VALUES);
        map("logEvents.source.engine.enable", LOG_EVENTS, "source_engine");
        map("logEvents.source.proxy.enable", LOG_EVENTS, "source_proxy");
        map("logEvents.source.repository.enable", LOG_EVENTS, "source_repository");
        map("logEvents.source.scheduler.enable", LOG_EVENTS, "source_scheduler");
        map("logEvents.source.qixPerf.enable", LOG_EVENTS, "source_qix_perf");
        map("logEvents.categorise.enable", CATEGORISE, "enabled");
        map("logEvents.categorise.ruleDefault.enable", CATEGORISE, "default_enabled");
        map("logEvents.categorise.ruleDefault.category", CATEGORISE, "default_categories", NAME_VALUES);
        map("logEvents.categorise.rules[*].description", RULE, "description");
        map("logEvents.categorise.rules[*].logLevel", RULE, "log_levels", STRINGS);
        map("logEvents.categorise.rules[*].action", RULE, "action");
        map("logEvents.categorise.rules[*].category", RULE, "categories", NAME_VALUES);
        String epm = "logEvents.enginePerformanceMonitor";
        map(epm + ".enable", QIX, "enabled");
        map(epm + ".appNameLookup.enable", QIX, "app_name_lookup");
        map(epm + ".trackRejectedEvents.enable", QIX, "track_rejected");
        map(epm + ".trackRejectedEvents.tags", COUNTS, "rejected_count_tags", NAME_VALUES);
        String allApps = epm + ".monitorFilter.allApps";
        map(allApps + ".enable", QIX, "all_apps_enabled");
        map(allApps + ".appExclude", QIX, "all_apps_exclude", APP_REFS);
        objectAndMethodFilters(allApps, QIX);
        map(epm + ".monitorFilter.appSpecific.enable", QIX, "app_specific_enabled");
        map(APP_LIST + "[*].include", QIX_APP, "apps", APP_REFS);
        objectAndMethodFilters(APP_LIST + "[*]", QIX_APP);
        map(APP_LIST + "[*].appObject.allAppObjects", QIX_APP, "all_app_objects");
        map(APP_LIST + "[*].appObject.allAppObjectsExclude", QIX_APP, "app_objects_exclude", STRINGS);
        map(APP_LIST + "[*].appObject.someAppObjectsInclude", QIX_APP, "app_objects_include", STRINGS);
        map("logEvents.sendToMQTT.baseTopic", MQTT, "log_events_topic");
        map("logEvents.sendToMQTT.postTo.baseTopic", MQTT, "log_events_post_to_base_topic");
        map("logEvents.sendToMQTT.postTo.subsystemTopics", MQTT, "log_events_subsystem_topics");

        map("cert.clientCert", CERT, "client_cert");
        map("cert.clientCertKey", CERT, "client_cert_key");
        map("cert.clientCertCA", CERT, "client_cert_ca");
        map("cert.clientCertPassphrase", CERT, "_client_cert_passphrase");

        switches("mqttConfig.enable", MQTT);
        map("mqttConfig.baseTopic", MQTT, "base_topic");
        derive(MQTT, "broker_urls", List.of("mqttConfig.brokerHost", "mqttConfig.brokerPort"), (doc, item) -> brokerUrls(doc));
        derive(MQTT, "butlersos_sink_signal_types", List.of("userEvents.sendToMQTT.enable", "logEvents.sendToMQTT.enable"),
                (doc, item) -> mqttSignalTypes(doc));
        map("prometheus.host", PROMETHEUS, "host");
        map("prometheus.port", PROMETHEUS, "port");
        switches("prometheus.enable", PROMETHEUS);
        ignore("prometheus.nodeMetricsHost", "there is no separate Node.js metrics endpoint; JVM figures are agent signals");
        ignore("prometheus.nodeMetricsPort", "there is no separate Node.js metrics endpoint; JVM figures are agent signals");
        ignore("auditEvents", "this agent has no audit events API (noticed when on)");

        map("influxdbConfig.version", INFLUX, "version");
        map("influxdbConfig.maxBatchSize", INFLUX, "batch_size");
        Predicate<Doc> v1 = doc -> doc.get("influxdbConfig.version") == null || (Long) doc.get("influxdbConfig.version") == 1;
        Predicate<Doc> v2 = doc -> Long.valueOf(2).equals(doc.get("influxdbConfig.version"));
        Predicate<Doc> v3 = doc -> Long.valueOf(3).equals(doc.get("influxdbConfig.version"));
        mapIf("influxdbConfig.v1Config.auth.username", INFLUX, "username", v1);
        mapIf("influxdbConfig.v1Config.auth.password", INFLUX, "_password", v1);
        mapIf("influxdbConfig.v1Config.dbName", INFLUX, "database", v1);
        mapIf("influxdbConfig.v1Config.retentionPolicy.name", INFLUX, "retention_policy", v1);
        mapIf("influxdbConfig.v1Config.retentionPolicy.duration", INFLUX, "retention_duration", v1);
        mapIf("influxdbConfig.v2Config.org", INFLUX, "org", v2);
        mapIf("influxdbConfig.v2Config.bucket", INFLUX, "bucket", v2);
        mapIf("influxdbConfig.v2Config.token", INFLUX, "_token", v2);
        ignore("influxdbConfig.v2Config.description", "the sink does not create buckets; create it with its retention in InfluxDB");
        ignore("influxdbConfig.v2Config.retentionDuration", "the sink does not create buckets; create it with its retention in InfluxDB");
        mapIf("influxdbConfig.v3Config.database", INFLUX, "database", v3);
        mapIf("influxdbConfig.v3Config.token", INFLUX, "_token", v3);
        mapIf("influxdbConfig.v3Config.writeTimeout", INFLUX, "write_timeout_ms", v3);
        ignore("influxdbConfig.v3Config.description", "unused, as in Butler SOS");
        ignore("influxdbConfig.v3Config.retentionDuration", "unused, as in Butler SOS");
        ignore("influxdbConfig.v3Config.queryTimeout", "the sink never queries");
        map("influxdbConfig.includeFields.activeDocs", SERVER, "include_active_docs");
        map("influxdbConfig.includeFields.loadedDocs", SERVER, "include_loaded_docs");
        map("influxdbConfig.includeFields.inMemoryDocs", SERVER, "include_in_memory_docs");
        derive(INFLUX, "url", List.of("influxdbConfig.host", "influxdbConfig.port"), (doc, item) -> influxUrl(doc));
        derive(INFLUX, "signal_types", List.of("userEvents.sendToInfluxdb.enable", "logEvents.sendToInfluxdb.enable",
                "qlikSenseEvents.influxdb.enable", "uptimeMonitor.storeInInfluxdb.butlerSOSMemoryUsage",
                "errorTracking.influxdb.enable"), (doc, item) -> influxSignalTypes(doc));

        map("appNames.hostIP", APP_NAMES, "host");
        map("appNames.extractInterval", APP_NAMES, "interval_ms");
        map("serversToMonitor.rejectUnauthorized", APP_NAMES, "verify_server");
        switches("appNames.enableAppNameExtract", APP_NAMES);

        map("userSessions.pollingInterval", SERVER, "sessions_interval_ms");
        map("userSessions.excludeUser", SERVER, "exclude_users", USERS);
        map("serversToMonitor.pollingInterval", SERVER, "health_interval_ms");
        map("serversToMonitor.rejectUnauthorized", SERVER, "verify_server");
        ignore("serversToMonitor.serverTagsDefinition", "checked against every server's serverTags");
        String server = "serversToMonitor.servers[*]";
        map(server + ".host", SERVER, "host");
        map(server + ".serverName", SERVER, "server_name");
        map(server + ".serverDescription", SERVER, "server_description");
        map(server + ".userSessions.host", SERVER, "proxy_host");
        map(server + ".userSessions.virtualProxies", SERVER, "virtual_proxies", VIRTUAL_PROXIES);
        map(server + ".serverTags", SERVER, "server_tags", TAG_MAP);
        map(server + ".headers", SERVER, "headers", HEADER_MAP);
        derive(SERVER, "sessions_enabled", List.of("userSessions.enableSessionExtract", server + ".userSessions.enable"),
                MappingTable::sessionsEnabled);

        // Rule filters: one Butler SOS list, three attributes.
        derive(RULE, "starts_with", List.of("logEvents.categorise.rules[*].filter"), (doc, item) -> filter(doc, item, "sw"));
        derive(RULE, "ends_with", List.of("logEvents.categorise.rules[*].filter"), (doc, item) -> filter(doc, item, "ew"));
        derive(RULE, "contains", List.of("logEvents.categorise.rules[*].filter"), (doc, item) -> filter(doc, item, "so"));
        derive(RULE, "rank", List.of("logEvents.categorise.rules"), (doc, item) -> rank(item));
        switches("userEvents.enable", USER_EVENTS);
        switches("influxdbConfig.enable", INFLUX);
        switches("influxdbConfig.v1Config.auth.enable", INFLUX);
    }

    private MappingTable() {
    }

    public static List<Row> rows() {
        return List.copyOf(ROWS);
    }

    public static List<Derived> derived() {
        return List.copyOf(DERIVED);
    }

    /** Every target, in the order configurations are written. */
    public static List<Target> targets() {
        return List.of(CERT, SERVER, APP_NAMES, INFLUX, PROMETHEUS, NEW_RELIC, MQTT, CATEGORISE, RULE, QIX, QIX_APP, COUNTS, LOG_EVENTS,
                USER_EVENTS, HOSTINFO, UPTIME, HEARTBEAT, ERRORS, WEB, LOGGING);
    }

    /** Warnings about what the file asks for and the agent does differently, beyond the rows' own. */
    public static List<String> notices(Doc doc) {
        List<String> notices = new ArrayList<>(NewRelicRouting.notices(doc));
        notices.addAll(WebEndpoints.notices(doc));
        notices.addAll(AuditEvents.notices(doc));
        return notices;
    }

    private static void map(String source, Target target, String attribute) {
        map(source, target, attribute, AS_IS);
    }

    /** {@code method} is the OCD attribute method, e.g. {@code server_name} or {@code _token}. */
    private static void map(String source, Target target, String method, Convert convert) {
        ROWS.add(new Row(source, target, PropertyNames.of(method), convert, doc -> true, null, null));
    }

    private static void mapIf(String source, Target target, String method, Predicate<Doc> onlyIf) {
        ROWS.add(new Row(source, target, PropertyNames.of(method), AS_IS, onlyIf, null, null));
    }

    /** A flag that decides whether the target's configuration is written at all (see the target's condition). */
    private static void switches(String source, Target target) {
        ROWS.add(new Row(source, target, null, null, doc -> true, null, null));
    }

    /** Read and checked, never applied: the agent does this another way. */
    private static void ignore(String source, String reason) {
        ROWS.add(new Row(source, null, null, null, doc -> true, reason, null));
    }

    /** Read and checked, not applied yet; logged when {@code noticeWhen} is true. */
    private static void notYet(String source, String reason, String noticeWhen) {
        ROWS.add(new Row(source, null, null, null, doc -> true, reason, noticeWhen));
    }

    private static void derive(Target target, String method, List<String> sources,
            java.util.function.BiFunction<Doc, String, Object> compute) {
        DERIVED.add(new Derived(target, PropertyNames.of(method), sources, compute));
    }

    private static void udpReceiver(String section, String portKey, Target target) {
        String udp = section + ".udpServerConfig";
        map(udp + ".serverHost", target, "bind_address");
        map(udp + "." + portKey, target, "port");
        map(udp + ".messageQueue.backpressureThreshold", target, "backpressure_threshold_pct");
        ignore(udp + ".messageQueue.maxConcurrent", "parsing runs on the receiver's own worker threads");
        ignore(udp + ".messageQueue.maxSize", "the hand-off is bounded by count and memory (queue_capacity, queue_memory_bytes)");
        map(udp + ".rateLimit.enable", target, "rate_limit_enabled");
        map(udp + ".rateLimit.maxMessagesPerMinute", target, "rate_limit_per_minute");
        map(udp + ".maxMessageSize", target, "max_datagram_bytes");
        map(udp + ".enableSourceValidation", target, "allow_list_enabled");
        map(udp + ".allowedSources", target, "allowed_sources", STRINGS);
        map(udp + ".queueMetrics.influxdb.enable", target, "metrics_enabled");
        map(udp + ".queueMetrics.influxdb.writeFrequency", target, "metrics_interval_s", MS_TO_SECONDS);
        map(udp + ".queueMetrics.influxdb.measurementName", target, "metrics_measurement");
        map(udp + ".queueMetrics.influxdb.tags", target, "metrics_tags", NAME_VALUES);
    }

    private static void objectAndMethodFilters(String prefix, Target target) {
        map(prefix + ".objectType.allObjectTypes", target, "all_object_types");
        map(prefix + ".objectType.allObjectTypesExclude", target, "object_types_exclude", STRINGS);
        map(prefix + ".objectType.someObjectTypesInclude", target, "object_types_include", STRINGS);
        map(prefix + ".method.allMethods", target, "all_methods");
        map(prefix + ".method.allMethodsExclude", target, "methods_exclude", STRINGS);
        map(prefix + ".method.someMethodsInclude", target, "methods_include", STRINGS);
    }

    /** A Butler SOS topic switch: off becomes an empty topic (the sink's "off"); on keeps the topic if given. */
    private static void mqttTopic(String path, String method) {
        derive(MQTT, method, List.of(path), (doc, item) -> Boolean.FALSE.equals(doc.get(path + ".enable")) ? ""
                : doc.get(path + ".topic"));
    }

    private static String[] brokerUrls(Doc doc) {
        Object host = doc.get("mqttConfig.brokerHost");
        if (host == null) {
            return null;
        }
        String base = host.toString().trim();
        Object port = doc.get("mqttConfig.brokerPort");
        return new String[] {base.contains("://") ? base : "tcp://" + base + ":" + (port == null ? 1883 : port)};
    }

    /** Butler SOS publishes user and log events to MQTT only when their sendToMQTT flag is on. */
    private static String[] mqttSignalTypes(Doc doc) {
        List<String> types = new ArrayList<>(SIGNAL_TYPES);
        if (!doc.isTrue("userEvents.sendToMQTT.enable")) {
            types.remove("event.user");
        }
        if (!doc.isTrue("logEvents.sendToMQTT.enable")) {
            types.removeAll(List.of("event.log", "event.qix-perf"));
        }
        return types.size() == SIGNAL_TYPES.size() ? null : types.toArray(String[]::new);
    }

    private static boolean logEventsOn(Doc doc) {
        if (!doc.has("logEvents")) {
            return false;
        }
        // Butler SOS starts the log listener when any source is on; qixPerf is on unless switched off.
        return doc.isTrue("logEvents.source.engine.enable") || doc.isTrue("logEvents.source.proxy.enable")
                || doc.isTrue("logEvents.source.repository.enable") || doc.isTrue("logEvents.source.scheduler.enable")
                || doc.notFalse("logEvents.source.qixPerf.enable");
    }

    private static String influxUrl(Doc doc) {
        Object host = doc.get("influxdbConfig.host");
        if (host == null) {
            return null;
        }
        String base = host.toString().trim().replaceAll("/+$", "");
        Object port = doc.get("influxdbConfig.port");
        if (!base.contains("://")) {
            // Butler SOS talks plain HTTP to host:port.
            return "http://" + base + ":" + (port == null ? 8086 : port);
        }
        boolean hasPort = base.substring(base.indexOf("://") + 3).contains(":");
        return port == null || hasPort ? base : base + ":" + port;
    }

    private static String[] influxSignalTypes(Doc doc) {
        List<String> types = new ArrayList<>(SIGNAL_TYPES);
        if (Boolean.FALSE.equals(doc.get("userEvents.sendToInfluxdb.enable"))) {
            types.remove("event.user");
        }
        if (Boolean.FALSE.equals(doc.get("logEvents.sendToInfluxdb.enable"))) {
            types.removeAll(List.of("event.log", "event.qix-perf"));
        }
        if (Boolean.FALSE.equals(doc.get("qlikSenseEvents.influxdb.enable"))) {
            types.removeAll(List.of("event.counts", "event.rejected-counts"));
        }
        if (Boolean.FALSE.equals(doc.get("uptimeMonitor.storeInInfluxdb.butlerSOSMemoryUsage"))) {
            types.remove("agent.stats");
        }
        if (Boolean.FALSE.equals(doc.get("errorTracking.influxdb.enable"))) {
            types.remove("agent.error");
        }
        // Nothing left out: the sink's own default (every type) applies.
        return types.size() == SIGNAL_TYPES.size() ? null : types.toArray(String[]::new);
    }

    private static Object sessionsEnabled(Doc doc, String item) {
        if (Boolean.FALSE.equals(doc.get("userSessions.enableSessionExtract"))) {
            return false;
        }
        return doc.get(item + ".userSessions.enable");
    }

    private static Object filter(Doc doc, String item, String type) {
        Object filters = doc.get(item + ".filter");
        if (!(filters instanceof List<?> list)) {
            return null;
        }
        String[] values = list.stream().map(f -> (Map<?, ?>) f).filter(f -> type.equals(f.get("type")))
                .map(f -> String.valueOf(f.get("value"))).toArray(String[]::new);
        return values.length == 0 ? null : values;
    }

    private static Object rank(String item) {
        // Butler SOS tries rules in file order; ranks 10, 20, 30... keep that order.
        int index = Integer.parseInt(item.substring(item.lastIndexOf('[') + 1, item.length() - 1));
        return (long) (index + 1) * 10;
    }
}
