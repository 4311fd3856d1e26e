package io.butlersos.sink.prometheus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Prometheus endpoint. Factory PID {@value #PID}; a file in config/ such as
 * {@code io.butlersos.sink.prometheus-default.cfg}.
 */
@ObjectClassDefinition(name = "Butler SOS Prometheus output",
        description = "Serves the latest metrics on an HTTP endpoint in the Prometheus text format (OpenMetrics on request).")
public @interface PrometheusSinkConfig {

    String PID = "io.butlersos.sink.prometheus";

    @AttributeDefinition(name = "Listen address",
            description = "Interface to listen on. 127.0.0.1 keeps the endpoint local; 0.0.0.0 opens it to the network.")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", min = "1", max = "65535", description = "TCP port of the endpoint.")
    int port() default 9842;

    @AttributeDefinition(name = "Path", description = "Path that serves the metrics.")
    String path() default "/metrics";

    @AttributeDefinition(name = "Gauge expiry (s)", min = "0",
            description = "A gauge series (a polled server's health, sessions, a sink's queue) that has not been "
                    + "updated for this long is no longer served; 0 keeps series for ever, as Butler SOS does.")
    long series_expiry_s() default 300;

    @AttributeDefinition(name = "Counter expiry (s)", min = "0",
            description = "A counter series (events by level, source and category, errors) that has not grown for "
                    + "this long is no longer served; 0 keeps counters for ever.")
    long counter_expiry_s() default 86400;

    @AttributeDefinition(name = "Sink name", description = "Name in logs and delivery counters.")
    String butlersos_sink_name() default "prometheus";

    @AttributeDefinition(name = "Signal types", required = false,
            description = "Signal types to take: * for all, names such as sense.health, or prefixes such as event.*. "
                    + "Types without a Prometheus mapping are ignored.")
    String[] butlersos_sink_signal_types();

    @AttributeDefinition(name = "Batch size", required = false, description = "Empty: the core's default.")
    int butlersos_sink_batch_size();

    @AttributeDefinition(name = "Linger (ms)", required = false, description = "Empty: the core's default.")
    long butlersos_sink_linger_ms();

    @AttributeDefinition(name = "Buffer limit", required = false, description = "Empty: the core's default.")
    int butlersos_sink_buffer_limit();
}
