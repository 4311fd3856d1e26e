/**
 * The agent's own health: its uptime and memory ({@link io.butlersos.api.agent.health.AgentStats}) and
 * the daily count of failures of every component ({@link io.butlersos.api.agent.health.ErrorCounts}).
 */
@Export
@Version("1.0.0")
package io.butlersos.api.agent.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
