#!/usr/bin/env python3
"""Writes butler-sos-influxdb.json, the Grafana dashboard for the Butler SOS InfluxDB (v1, InfluxQL) schema.

Run: python3 distribution/grafana/generate-dashboard.py
Every panel and every query variable uses the ${datasource} variable; no data source name or uid is
written into the file, so it imports into any Grafana whatever the InfluxDB data source is called.
"""
import json
import os

DS = {"type": "influxdb", "uid": "${datasource}"}
SERVER = '"server_name" =~ /^$server$/'
panels = []
y = 0


def row(title):
    global y
    panels.append({"type": "row", "title": title, "collapsed": False, "id": len(panels) + 1,
                   "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []})
    y += 1


def panel(title, kind, queries, x, w, h=8, unit=None, description=None, legend="$tag_server_name", extra=None):
    global y
    p = {
        "id": len(panels) + 1,
        "type": kind,
        "title": title,
        "datasource": DS,
        "gridPos": {"h": h, "w": w, "x": x, "y": y},
        "targets": [{"refId": chr(ord("A") + i), "datasource": DS, "rawQuery": True, "query": q,
                     "resultFormat": "table" if kind == "table" else "time_series", "alias": legend}
                    for i, q in enumerate(queries)],
        "fieldConfig": {"defaults": {}, "overrides": []},
        "options": {},
    }
    if unit:
        p["fieldConfig"]["defaults"]["unit"] = unit
    if description:
        p["description"] = description
    if extra:
        p.update(extra)
    panels.append(p)
    if x + w >= 24:
        y += h


row("Sense servers")
panel("Free engine memory", "timeseries",
      [f'SELECT mean("free") FROM "mem" WHERE {SERVER} AND $timeFilter GROUP BY time($__interval), "server_name" fill(null)'],
      0, 8, unit="decmbytes", description="mem.free (MB) from /engine/healthcheck")
panel("Engine CPU", "timeseries",
      [f'SELECT mean("total") FROM "cpu" WHERE {SERVER} AND $timeFilter GROUP BY time($__interval), "server_name" fill(null)'],
      8, 8, unit="percent")
panel("Engine saturated", "state-timeline",
      [f'SELECT last("saturated") FROM "saturated" WHERE {SERVER} AND $timeFilter GROUP BY time($__interval), "server_name" fill(previous)'],
      16, 8, description="true while the engine reports saturated")
panel("Active sessions", "timeseries",
      [f'SELECT mean("active") FROM "session" WHERE {SERVER} AND $timeFilter GROUP BY time($__interval), "server_name" fill(null)'],
      0, 8)
panel("Active users", "timeseries",
      [f'SELECT mean("active") FROM "users" WHERE {SERVER} AND $timeFilter GROUP BY time($__interval), "server_name" fill(null)'],
      8, 8)
panel("Apps in memory", "timeseries",
      [f'SELECT mean("in_memory_docs_count") FROM "apps" WHERE {SERVER} AND $timeFilter GROUP BY time($__interval), "server_name" fill(null)'],
      16, 8)
panel("Proxy sessions per virtual proxy", "timeseries",
      [f'SELECT mean("session_count") FROM "user_session_summary" WHERE {SERVER} AND $timeFilter GROUP BY time($__interval), "server_name", "user_session_virtual_proxy" fill(null)'],
      0, 12, legend="$tag_server_name $tag_user_session_virtual_proxy")
panel("Engine cache hit ratio", "timeseries",
      [f'SELECT non_negative_difference(last("hits")) / non_negative_difference(last("lookups")) * 100 FROM "cache" WHERE {SERVER} AND $timeFilter GROUP BY time($__interval), "server_name" fill(null)'],
      12, 12, unit="percent")
panel("Versions and uptime", "table",
      [f'SELECT last("version") AS "version", last("started") AS "started", last("uptime") AS "uptime" FROM "sense_server" WHERE {SERVER} AND $timeFilter GROUP BY "server_name"'],
      0, 24, h=6)

row("Log and user events")
panel("Warnings and errors per minute", "timeseries",
      ['SELECT count("message") FROM "log_event" WHERE "source" != \'qseow-qix-perf\' AND "host" =~ /^$host$/ AND $timeFilter GROUP BY time(1m), "level" fill(0)'],
      0, 12, legend="$tag_level")
panel("Warnings and errors by source", "timeseries",
      ['SELECT count("message") FROM "log_event" WHERE "source" != \'qseow-qix-perf\' AND "host" =~ /^$host$/ AND $timeFilter GROUP BY time($__interval), "source" fill(0)'],
      12, 12, legend="$tag_source")
panel("Latest warnings and errors", "table",
      ['SELECT "message", "exception_message", "host", "level", "source", "subsystem" FROM "log_event" WHERE "source" != \'qseow-qix-perf\' AND "host" =~ /^$host$/ AND $timeFilter ORDER BY time DESC LIMIT 200'],
      0, 24, h=9)
panel("User events per minute", "timeseries",
      ['SELECT count("userFull") FROM "user_events" WHERE "host" =~ /^$host$/ AND $timeFilter GROUP BY time(1m), "event_action" fill(0)'],
      0, 12, legend="$tag_event_action")
panel("Unique users", "stat",
      ['SELECT count(distinct("userFull")) FROM "user_events" WHERE "host" =~ /^$host$/ AND $timeFilter'],
      12, 12, legend="users")
panel("QIX work time by object type", "timeseries",
      ['SELECT sum("work_time") FROM "log_event" WHERE "source" = \'qseow-qix-perf\' AND "host" =~ /^$host$/ AND $timeFilter GROUP BY time($__interval), "object_type" fill(0)'],
      0, 12, unit="ms", legend="$tag_object_type")
panel("Events received by source", "timeseries",
      ['SELECT sum("counter") FROM "event_count" WHERE $timeFilter GROUP BY time($__interval), "source" fill(0)'],
      12, 12, legend="$tag_source")
panel("Rejected QIX performance events", "timeseries",
      ['SELECT sum("counter") FROM "rejected_event_count" WHERE $timeFilter GROUP BY time($__interval), "object_type" fill(0)'],
      0, 12, legend="$tag_object_type")
panel("UDP queue fill and drops", "timeseries",
      ['SELECT max("queue_size") AS "queue size", sum("messages_dropped_total") AS "dropped" FROM "log_events_queue", "user_events_queue" WHERE $timeFilter GROUP BY time($__interval), "queue_type" fill(null)'],
      12, 12, legend="$tag_queue_type $col")

row("Butler SOS itself")
panel("Agent memory", "timeseries",
      ['SELECT mean("heap_used") AS "heap used", mean("process_memory") AS "process" FROM "butlersos_memory_usage" WHERE $timeFilter GROUP BY time($__interval), "butler_sos_instance" fill(null)'],
      0, 8, unit="decmbytes", legend="$tag_butler_sos_instance $col")
panel("Agent errors by type", "timeseries",
      ['SELECT sum("error_count") FROM "butler_sos_errors" WHERE $timeFilter GROUP BY time($__interval), "error_type", "server_name" fill(0)'],
      8, 8, legend="$tag_error_type $tag_server_name")
panel("Output delivery", "timeseries",
      ['SELECT non_negative_derivative(last("delivered"), 1m) AS "delivered/min", last("queue_size") AS "queued", non_negative_derivative(last("dropped_queue_full"), 1m) AS "dropped/min" FROM "butlersos_sink" WHERE $timeFilter GROUP BY time($__interval), "sink" fill(null)'],
      16, 8, legend="$tag_sink $col",
      description="butlersos_sink: the delivery core's counters per output (Butler SOS for Java)")

dashboard = {
    "title": "Butler SOS (InfluxDB)",
    "uid": "butler-sos-influxdb",
    "description": "Qlik Sense health, sessions, log and user events, and the agent itself, from the Butler SOS InfluxDB schema (InfluxQL).",
    "tags": ["butler-sos", "qlik-sense"],
    "timezone": "browser",
    "schemaVersion": 39,
    "version": 1,
    "editable": True,
    "refresh": "1m",
    "time": {"from": "now-6h", "to": "now"},
    "templating": {"list": [
        {"name": "datasource", "label": "InfluxDB", "type": "datasource", "query": "influxdb",
         "current": {}, "hide": 0, "refresh": 1, "regex": "", "options": []},
        {"name": "server", "label": "Server", "type": "query", "datasource": DS,
         "query": 'SHOW TAG VALUES FROM "mem" WITH KEY = "server_name"', "definition": 'SHOW TAG VALUES FROM "mem" WITH KEY = "server_name"',
         "multi": True, "includeAll": True, "allValue": ".*", "current": {}, "refresh": 2, "sort": 1, "options": []},
        {"name": "host", "label": "Event host", "type": "query", "datasource": DS,
         "query": 'SHOW TAG VALUES FROM "log_event" WITH KEY = "host"', "definition": 'SHOW TAG VALUES FROM "log_event" WITH KEY = "host"',
         "multi": True, "includeAll": True, "allValue": ".*", "current": {}, "refresh": 2, "sort": 1, "options": []},
    ]},
    "annotations": {"list": []},
    "panels": panels,
}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "butler-sos-influxdb.json")
with open(out, "w") as f:
    json.dump(dashboard, f, indent=2)
    f.write("\n")
print(f"wrote {out}: {len(panels)} panels")
