/** Services for operating the agent: the Qlik Sense log appender files that point Sense at the agent. */
@Export
@Version("1.0.0")
package io.butlersos.api.ops;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
