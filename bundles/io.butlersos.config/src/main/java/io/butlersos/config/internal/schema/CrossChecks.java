package io.butlersos.config.internal.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.butlersos.config.internal.mapping.Names;
import io.butlersos.config.internal.yaml.Problems;

/** Rules that span several keys, checked after each key was checked on its own. */
public final class CrossChecks {

    private CrossChecks() {
    }

    public static void check(Doc doc, Problems problems) {
        certificatesWhenNeeded(doc, problems);
        uniqueServerNames(doc, problems);
        serverTags(doc, problems);
        influxVersionSettings(doc, problems);
    }

    private static void add(Doc doc, Problems problems, String path, String lineOf, String message) {
        problems.add(doc.line(lineOf), Doc.display(path), message);
    }

    private static List<?> servers(Doc doc) {
        Object servers = doc.get("serversToMonitor.servers");
        return servers instanceof List<?> list ? list : List.of();
    }

    private static void certificatesWhenNeeded(Doc doc, Problems problems) {
        if (doc.has("cert")) {
            return;
        }
        if (!servers(doc).isEmpty()) {
            add(doc, problems, "cert", "serversToMonitor.servers",
                    "missing required value (the Sense servers are called with its client certificate)");
        } else if (doc.has("appNames.hostIP")) {
            add(doc, problems, "cert", "appNames", "missing required value (app names are read with its client certificate)");
        }
    }

    private static void uniqueServerNames(Doc doc, Problems problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < servers(doc).size(); i++) {
            Object name = doc.get("serversToMonitor.servers[" + i + "].serverName");
            if (name == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(Names.slug(name.toString()), i);
            if (first != null) {
                String path = "serversToMonitor.servers[" + i + "].serverName";
                add(doc, problems, path, path, "\"" + name + "\" names servers[" + first + "] too; each server needs its own name");
            }
        }
    }

    private static void serverTags(Doc doc, Problems problems) {
        Object definition = doc.get("serversToMonitor.serverTagsDefinition");
        List<?> defined = definition instanceof List<?> l ? l : List.of();
        for (int i = 0; i < servers(doc).size(); i++) {
            String tagsPath = "serversToMonitor.servers[" + i + "].serverTags";
            Object raw = doc.get(tagsPath);
            Map<?, ?> tags = raw instanceof Map<?, ?> m ? m : Map.of();
            String linePath = raw != null ? tagsPath : "serversToMonitor.servers[" + i + "]";
            for (Object name : defined) {
                if (tags.get(name) == null) {
                    add(doc, problems, tagsPath, linePath, "tag \"" + name + "\" of serversToMonitor.serverTagsDefinition is missing");
                }
            }
            for (Object name : tags.keySet()) {
                if (defined.stream().noneMatch(d -> Objects.equals(d, name))) {
                    add(doc, problems, tagsPath + "." + name, tagsPath,
                            "tag \"" + name + "\" is not in serversToMonitor.serverTagsDefinition");
                }
            }
        }
    }

    private static void influxVersionSettings(Doc doc, Problems problems) {
        if (!doc.has("influxdbConfig") || !doc.notFalse("influxdbConfig.enable")) {
            return;
        }
        Object version = doc.get("influxdbConfig.version");
        List<String> needed = version == null || ((Long) version) == 1 ? List.of()
                : ((Long) version) == 2 ? List.of("v2Config.org", "v2Config.bucket", "v2Config.token")
                : List.of("v3Config.database", "v3Config.token");
        for (String key : needed) {
            String path = "influxdbConfig." + key;
            if (!doc.has(path)) {
                String parent = path.substring(0, path.lastIndexOf('.'));
                add(doc, problems, path, doc.has(parent) ? parent : "influxdbConfig.version",
                        "missing required value (InfluxDB version " + version + " needs it)");
            }
        }
    }
}
