/**
 * A small JSON writer for signals, shared by the sinks that write JSON (file, MQTT, New Relic), and a
 * strict reader for the JSON answers of the servers the agent polls or writes to.
 */
@Export
@Version("1.1.0")
package io.butlersos.api.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
