package io.butlersos.sink.prometheus.internal;

import java.lang.annotation.Annotation;

/** Configurations as Config Admin would hand them over: defaults unless a test says otherwise. */
final class Configs {

    private Configs() {
    }

    static PrometheusSinkConfig prometheus(int port, long gaugeExpiry, long counterExpiry) {
        return new PrometheusSinkConfig() {
            @Override public Class<? extends Annotation> annotationType() { return PrometheusSinkConfig.class; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return port; }
            @Override public String path() { return "/metrics"; }
            @Override public long series_expiry_s() { return gaugeExpiry; }
            @Override public long counter_expiry_s() { return counterExpiry; }
            @Override public String butlersos_sink_name() { return "prometheus"; }
            @Override public String[] butlersos_sink_signal_types() { return new String[] {"*"}; }
            @Override public int butlersos_sink_batch_size() { return 0; }
            @Override public long butlersos_sink_linger_ms() { return 0; }
            @Override public int butlersos_sink_buffer_limit() { return 0; }
        };
    }
}
