package io.butlersos.sink.prometheus.internal;

import java.io.IOException;
import java.io.OutputStream;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Picks the format from the scraper's {@code Accept} header: OpenMetrics 1.0 when it is asked for,
 * the Prometheus text format 0.0.4 otherwise (also for curl and browsers).
 */
final class Exposition {

    private static final ExpositionFormatWriter OPEN_METRICS = OpenMetricsTextFormatWriter.builder()
            .setCreatedTimestampsEnabled(false).build();
    private static final ExpositionFormatWriter TEXT = PrometheusTextFormatWriter.builder()
            .setIncludeCreatedTimestamps(false).build();

    private Exposition() {
    }

    static ExpositionFormatWriter writerFor(String acceptHeader) {
        return acceptHeader != null && OPEN_METRICS.accepts(acceptHeader) ? OPEN_METRICS : TEXT;
    }

    static void write(ExpositionFormatWriter writer, OutputStream out, MetricSnapshots snapshots) throws IOException {
        writer.write(out, snapshots);
    }
}
