/**
 * Signals from the Qlik Sense UDP event stream: log events of the engine, proxy, repository and
 * scheduler, QIX performance events, user activity events, and the counters kept about them.
 * Each record renders itself in the Butler SOS InfluxDB v1 schema ({@code log_event},
 * {@code user_events}, {@code event_count}, {@code rejected_event_count}, the queue measurements)
 * and offers the maps its MQTT and New Relic payloads are built from.
 */
@Export
@Version("1.0.0")
package io.butlersos.api.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
