/** A small JSON writer for signals, shared by the sinks that write JSON (file, MQTT, New Relic). */
@Export
@Version("1.0.0")
package io.butlersos.api.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
