/**
 * The core of the contract: {@link io.butlersos.api.Signal signals} that sources publish through the
 * {@link io.butlersos.api.SignalPublisher}, and the {@link io.butlersos.api.Point points} every signal
 * renders itself to in the Butler SOS InfluxDB schema.
 */
@Export
@Version("1.0.0")
package io.butlersos.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
