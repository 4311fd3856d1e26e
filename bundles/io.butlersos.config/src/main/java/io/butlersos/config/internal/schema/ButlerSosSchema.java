package io.butlersos.config.internal.schema;

import static io.butlersos.config.internal.schema.Spec.anything;
import static io.butlersos.config.internal.schema.Spec.bool;
import static io.butlersos.config.internal.schema.Spec.freeMap;
import static io.butlersos.config.internal.schema.Spec.gated;
import static io.butlersos.config.internal.schema.Spec.integer;
import static io.butlersos.config.internal.schema.Spec.key;
import static io.butlersos.config.internal.schema.Spec.keyedText;
import static io.butlersos.config.internal.schema.Spec.list;
import static io.butlersos.config.internal.schema.Spec.millis;
import static io.butlersos.config.internal.schema.Spec.obj;
import static io.butlersos.config.internal.schema.Spec.oneOf;
import static io.butlersos.config.internal.schema.Spec.port;
import static io.butlersos.config.internal.schema.Spec.schedule;
import static io.butlersos.config.internal.schema.Spec.text;

/**
 * The keys of a Butler SOS 15 {@code production.yaml}, as its template and schema have them. Unlike Butler
 * SOS, almost every key is optional: a missing key leaves the component's own default in force. A section
 * that is present is on unless its enable flag says false; an off section is not checked beyond its flag.
 */
public final class ButlerSosSchema {

    /** The one key at the top of the file. */
    public static final String ROOT_KEY = "Butler-SOS";

    private ButlerSosSchema() {
    }

    public static Spec.Obj root() {
        return obj(key(ROOT_KEY, butlerSos()).required());
    }

    private static Spec.Obj butlerSos() {
        return obj(
                key("logLevel", oneOf("error", "warn", "info", "verbose", "debug", "silly")),
                key("fileLogging", bool()),
                key("logDirectory", text()),
                key("anonTelemetry", bool()),
                key("crashFile", gated("enable", key("enable", bool()), key("crashFileDirectory", text()),
                        key("crashFileCreateJson", bool()), key("crashFileCreateText", bool()))),
                key("systemInfo", obj(key("enable", bool()))),
                key("configVisualisation", gated("enable", key("enable", bool()), key("host", text()),
                        key("port", port()), key("obfuscate", bool()))),
                key("heartbeat", gated("enable", key("enable", bool()), key("remoteURL", text()).required(),
                        key("frequency", schedule()))),
                key("dockerHealthCheck", gated("enable", key("enable", bool()), key("port", port()))),
                key("uptimeMonitor", uptimeMonitor()),
                key("errorTracking", gated("enable", key("enable", bool()),
                        key("logSummary", obj(key("enable", bool()))),
                        key("influxdb", obj(key("enable", bool()), key("measurementName", text()))))),
                key("thirdPartyToolsCredentials", obj(key("newRelic", list(obj(
                        key("accountName", text()).required(),
                        key("insertApiKey", text()).required().secret(),
                        key("accountId", text()).required()))))),
                key("qlikSenseEvents", qlikSenseEvents()),
                key("userEvents", userEvents()),
                key("logEvents", logEvents()),
                key("cert", obj(
                        key("clientCert", text()).required(),
                        key("clientCertKey", text()).required(),
                        key("clientCertCA", text()),
                        key("clientCertPassphrase", text()).secret())),
                key("mqttConfig", gated("enable", key("enable", bool()), key("brokerHost", text()).required(),
                        key("brokerPort", port()), key("baseTopic", text()))),
                key("newRelic", newRelic()),
                key("prometheus", gated("enable", key("enable", bool()), key("host", text()).required(),
                        key("port", port()), key("nodeMetricsHost", text()), key("nodeMetricsPort", port()))),
                key("influxdbConfig", influxdbConfig()),
                key("appNames", gated("enableAppNameExtract", key("enableAppNameExtract", bool()),
                        key("extractInterval", millis()), key("hostIP", text()).required())),
                key("userSessions", gated("enableSessionExtract", key("enableSessionExtract", bool()),
                        key("pollingInterval", millis()), key("excludeUser", list(user())))),
                key("serversToMonitor", serversToMonitor()),
                // Butler SOS 15's audit API: read so a file that has it still loads; not implemented here.
                key("auditEvents", anything()));
    }

    private static Spec enableOnly() {
        return obj(key("enable", bool()));
    }

    private static Spec nameValues() {
        return list(obj(key("name", text()).required(), key("value", text()).required()));
    }

    private static Spec user() {
        return obj(key("directory", text()).required(), key("userId", text()).required());
    }

    private static Spec uptimeMonitor() {
        return gated("enable",
                key("enable", bool()),
                key("frequency", schedule()),
                key("logLevel", oneOf("error", "warn", "info", "verbose", "debug", "silly")),
                key("storeInInfluxdb", obj(key("butlerSOSMemoryUsage", bool()), key("instanceTag", text()))),
                key("storeNewRelic", gated("enable",
                        key("enable", bool()),
                        key("destinationAccount", list(text())),
                        key("metric", obj(key("dynamic", obj(
                                key("butlerMemoryUsage", enableOnly()), key("butlerUptime", enableOnly()))))),
                        key("attribute", obj(key("static", nameValues()),
                                key("dynamic", obj(key("butlerVersion", enableOnly()))))))));
    }

    private static Spec qlikSenseEvents() {
        return obj(
                key("influxdb", gated("enable", key("enable", bool()), key("writeFrequency", millis()))),
                key("eventCount", gated("enable", key("enable", bool()),
                        key("influxdb", obj(key("measurementName", text()), key("tags", nameValues()))))),
                key("rejectedEventCount", gated("enable", key("enable", bool()),
                        key("influxdb", obj(key("measurementName", text()))))));
    }

    private static Spec udpServerConfig(String portKey) {
        return obj(
                key("serverHost", text()),
                key(portKey, port()),
                key("messageQueue", obj(key("maxConcurrent", integer(1, 1_000)), key("maxSize", integer(1, 10_000_000)),
                        key("backpressureThreshold", integer(1, 100)))),
                key("rateLimit", gated("enable", key("enable", bool()),
                        key("maxMessagesPerMinute", integer(1, Integer.MAX_VALUE)))),
                key("maxMessageSize", integer(1, 65_507)),
                key("enableSourceValidation", bool()),
                key("allowedSources", list(text())),
                key("queueMetrics", obj(key("influxdb", gated("enable", key("enable", bool()),
                        key("writeFrequency", millis()), key("measurementName", text()), key("tags", nameValues()))))));
    }

    private static Spec topic() {
        return obj(key("enable", bool()), key("topic", text()));
    }

    private static Spec userEvents() {
        return gated("enable",
                key("enable", bool()),
                key("excludeUser", list(user())),
                key("udpServerConfig", udpServerConfig("portUserActivityEvents")),
                key("tags", nameValues()),
                key("sendToMQTT", gated("enable", key("enable", bool()), key("postTo", obj(
                        key("everythingTopic", topic()), key("sessionStartTopic", topic()),
                        key("sessionStopTopic", topic()), key("connectionOpenTopic", topic()),
                        key("connectionCloseTopic", topic()))))),
                key("sendToInfluxdb", enableOnly()),
                key("sendToNewRelic", gated("enable", key("enable", bool()),
                        key("destinationAccount", list(text())), key("scramble", bool()))));
    }

    private static Spec logEvents() {
        return obj(
                key("udpServerConfig", udpServerConfig("portLogEvents")),
                key("tags", nameValues()),
                key("source", obj(key("engine", enableOnly()), key("proxy", enableOnly()),
                        key("repository", enableOnly()), key("scheduler", enableOnly()), key("qixPerf", enableOnly()))),
                key("categorise", gated("enable", key("enable", bool()),
                        key("rules", list(rule())),
                        key("ruleDefault", gated("enable", key("enable", bool()), key("category", nameValues()))))),
                key("enginePerformanceMonitor", enginePerformanceMonitor()),
                key("sendToMQTT", gated("enable", key("enable", bool()), key("baseTopic", text()),
                        key("postTo", obj(key("baseTopic", bool()), key("subsystemTopics", bool()))))),
                key("sendToInfluxdb", enableOnly()),
                key("sendToNewRelic", gated("enable", key("enable", bool()),
                        key("destinationAccount", list(text())),
                        key("source", obj(key("engine", newRelicLogSource()), key("proxy", newRelicLogSource()),
                                key("repository", newRelicLogSource()), key("scheduler", newRelicLogSource()))))));
    }

    /** One Sense service's log events to New Relic: on or off, and which levels (Butler SOS knows only these two). */
    private static Spec newRelicLogSource() {
        return obj(key("enable", bool()), key("logLevel", obj(key("error", bool()), key("warn", bool()))));
    }

    private static Spec rule() {
        return obj(
                key("description", text()),
                key("logLevel", list(oneOf("fatal", "error", "warn", "info", "debug", "trace"))),
                key("action", oneOf("categorise", "drop")),
                key("category", nameValues()),
                key("filter", list(obj(key("type", oneOf("sw", "ew", "so")).required(),
                        key("value", text()).required()))));
    }

    private static Spec appRef() {
        return obj(key("appId", text()), key("appName", text()));
    }

    private static Spec objectTypeFilter() {
        return obj(key("allObjectTypes", bool()), key("allObjectTypesExclude", list(keyedText("otype"))),
                key("someObjectTypesInclude", list(keyedText("otype"))));
    }

    private static Spec methodFilter() {
        return obj(key("allMethods", bool()), key("allMethodsExclude", list(keyedText("method"))),
                key("someMethodsInclude", list(keyedText("method"))));
    }

    private static Spec enginePerformanceMonitor() {
        return gated("enable",
                key("enable", bool()),
                key("appNameLookup", enableOnly()),
                key("trackRejectedEvents", gated("enable", key("enable", bool()), key("tags", nameValues()))),
                key("monitorFilter", obj(
                        key("allApps", gated("enable", key("enable", bool()),
                                key("appExclude", list(appRef())),
                                key("objectType", objectTypeFilter()),
                                key("method", methodFilter()))),
                        key("appSpecific", gated("enable", key("enable", bool()),
                                key("app", list(obj(
                                        key("include", list(appRef())),
                                        key("objectType", objectTypeFilter()),
                                        key("appObject", obj(key("allAppObjects", bool()),
                                                key("allAppObjectsExclude", list(keyedText("objectId"))),
                                                key("someAppObjectsInclude", list(keyedText("objectId"))))),
                                        key("method", methodFilter())))))))));
    }

    private static Spec newRelicAttributes(String versionKey) {
        return obj(key("static", nameValues()), key("dynamic", obj(key(versionKey, enableOnly()))));
    }

    private static Spec newRelic() {
        return gated("enable",
                key("enable", bool()),
                key("event", obj(key("url", text()), key("header", nameValues()),
                        key("attribute", newRelicAttributes("butlerSosVersion")))),
                key("metric", obj(
                        key("destinationAccount", list(text())),
                        key("url", text()),
                        key("header", nameValues()),
                        key("dynamic", obj(
                                key("engine", obj(key("memory", enableOnly()), key("cpu", enableOnly()),
                                        key("calls", enableOnly()), key("selections", enableOnly()),
                                        key("sessions", enableOnly()), key("users", enableOnly()),
                                        key("saturated", enableOnly()))),
                                key("apps", obj(key("docCount", enableOnly()), key("activeDocs", enableOnly()),
                                        key("loadedDocs", enableOnly()), key("inMemoryDocs", enableOnly()))),
                                key("cache", obj(key("cache", enableOnly()))),
                                key("proxy", obj(key("sessions", enableOnly()))))),
                        key("attribute", newRelicAttributes("butlerSosVersion")))));
    }

    private static Spec influxdbConfig() {
        return gated("enable",
                key("enable", bool()),
                key("host", text()).required(),
                key("port", port()),
                key("version", integer(1, 3)),
                key("maxBatchSize", integer(1, 10_000)),
                key("v3Config", obj(key("database", text()), key("description", text()),
                        key("token", text()).secret(), key("retentionDuration", text()),
                        key("writeTimeout", millis()), key("queryTimeout", millis()))),
                key("v2Config", obj(key("org", text()), key("bucket", text()), key("description", text()),
                        key("token", text()).secret(), key("retentionDuration", text()))),
                key("v1Config", obj(
                        key("auth", gated("enable", key("enable", bool()), key("username", text()).required(),
                                key("password", text()).secret())),
                        key("dbName", text()),
                        key("retentionPolicy", obj(key("name", text()), key("duration", text()))))),
                key("includeFields", obj(key("activeDocs", bool()), key("loadedDocs", bool()),
                        key("inMemoryDocs", bool()))));
    }

    private static Spec serversToMonitor() {
        return obj(
                key("pollingInterval", millis()),
                key("rejectUnauthorized", bool()),
                key("serverTagsDefinition", list(text())),
                key("servers", list(obj(
                        key("host", text()).required(),
                        key("serverName", text()).required(),
                        key("serverDescription", text()),
                        key("userSessions", gated("enable", key("enable", bool()), key("host", text()),
                                key("virtualProxies", list(obj(key("virtualProxy", text()).required()))))),
                        key("serverTags", freeMap()),
                        key("headers", freeMap())))));
    }
}
