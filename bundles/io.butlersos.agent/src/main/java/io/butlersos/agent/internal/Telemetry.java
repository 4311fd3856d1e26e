package io.butlersos.agent.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import io.butlersos.agent.internal.TelemetryReport.ActiveBundle;
import io.butlersos.api.hostinfo.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One telemetry report per call. Without the host-info service it refuses, as Butler SOS does
 * without {@code systemInfo}: the report would be empty of what it is for. The refusal is logged
 * once, not on every tick, and again only after host info came back and went away anew.
 */
final class Telemetry {

    enum Outcome { SENT, REFUSED_NO_HOST_INFO, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    private final Supplier<HostInfo> hostInfo;
    private final Supplier<List<ActiveBundle>> bundles;
    private final Supplier<List<String>> sinks;
    private final TelemetrySender sender;
    private final String agentVersion;
    private final String safeUrl;
    private final Clock clock;
    private boolean refusing;

    Telemetry(Supplier<HostInfo> hostInfo, Supplier<List<ActiveBundle>> bundles, Supplier<List<String>> sinks,
            TelemetrySender sender, String agentVersion, String safeUrl, Clock clock) {
        this.hostInfo = hostInfo;
        this.bundles = bundles;
        this.sinks = sinks;
        this.sender = sender;
        this.agentVersion = agentVersion;
        this.safeUrl = safeUrl;
        this.clock = clock;
    }

    synchronized Outcome sendOnce() {
        HostInfo info = hostInfo.get();
        if (info == null) {
            if (!refusing) {
                refusing = true;
                LOG.error("Telemetry refused: it is enabled but the host-info service is absent (bundle "
                        + "io.butlersos.hostinfo removed, stopped or enable=false). Nothing is sent. Install or enable "
                        + "host info, or set enable=false in {}.", TelemetryConfig.PID);
            }
            return Outcome.REFUSED_NO_HOST_INFO;
        }
        if (refusing) {
            refusing = false;
            LOG.info("Telemetry: host info is available again; reports resume");
        }
        try {
            String body = TelemetryReport.json(agentVersion, info.facts(), bundles.get(), sinks.get(), clock.instant());
            sender.send(body);
            LOG.info("Telemetry report sent to {}", safeUrl);
            return Outcome.SENT;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Telemetry report to {} failed: {}", safeUrl, e.toString());
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        }
    }
}
