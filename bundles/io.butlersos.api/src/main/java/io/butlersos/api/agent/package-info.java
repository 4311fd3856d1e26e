/** Signals about the agent itself: failures of any component, counted and categorised. */
@Export
@Version("1.0.0")
package io.butlersos.api.agent;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
