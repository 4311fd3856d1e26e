/**
 * The sink SPI. A {@link io.butlersos.api.sink.Sink} is a plain writer registered as an OSGi
 * service; the core owns its queue, batching, retries, back-off and counters.
 */
@Export
@Version("1.0.0")
package io.butlersos.api.sink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
