/**
 * A Qlik Sense UDP event generator: all seven message types of the Sense log4net appenders, in their
 * exact wire formats, sent at a chosen rate. Used by tests, the demo and load benchmarks.
 */
@Export
@Version("1.0.0")
package io.butlersos.simulator.udp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
