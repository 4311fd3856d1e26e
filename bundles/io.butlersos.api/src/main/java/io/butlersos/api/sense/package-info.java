/**
 * Signals from polling Qlik Sense: {@link io.butlersos.api.sense.HealthSample engine health} and
 * {@link io.butlersos.api.sense.ProxySessions proxy sessions}, the outcome and duration of every poll
 * ({@link io.butlersos.api.sense.PollResult}, since 1.1.0), plus the
 * {@link io.butlersos.api.sense.AppNameDirectory app-name directory} read from the repository.
 * The records carry every value Sense returned, so each sink can map them to its own format;
 * {@code toPoints()} renders Butler SOS's InfluxDB v1 schema.
 */
@Export
@Version("1.1.0")
package io.butlersos.api.sense;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
