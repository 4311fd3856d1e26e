/**
 * Facts about the host the agent runs on (operating system, CPU, memory, network interfaces, JVM),
 * offered by the optional {@code io.butlersos.hostinfo} bundle. Consumers must treat the
 * {@link io.butlersos.api.hostinfo.HostInfo} service as optional: sites that forbid native host
 * queries remove that bundle, and the agent runs on without it.
 */
@Export
@Version("1.0.0")
package io.butlersos.api.hostinfo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
