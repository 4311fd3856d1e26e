/**
 * The state of the Butler SOS YAML configuration, for status pages and tools: which file is read, what it
 * applied (secrets masked) and why an edit was refused.
 */
@Export
@Version("1.0.0")
package io.butlersos.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
