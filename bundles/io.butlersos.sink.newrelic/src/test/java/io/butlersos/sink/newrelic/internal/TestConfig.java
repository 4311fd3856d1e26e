package io.butlersos.sink.newrelic.internal;

import java.lang.annotation.Annotation;

/** A New Relic configuration with the OCD's defaults, pointed at a fake; tests change fields. */
final class TestConfig implements NewRelicConfig {

    String accountName = "test";
    String accountId = "1234567";
    String insertKey = FakeNewRelic.KEY;
    String region = "US";
    String metricUrl = "";
    String eventUrl = "";
    String logUrl = "";
    boolean logApi = false;
    String[] logLevels = {"WARN", "ERROR", "FATAL"};
    String[] logSources = {};
    String[] staticAttributes = {"service=butler-sos", "qs_env=test"};
    String[] dynamicAttributes = {"butlerSosVersion"};
    String[] headers = {"X-Team: monitoring"};
    boolean scramble = true;
    String scrambleKey = "k3y";
    boolean gzip = true;
    int maxItems = 1000;

    static TestConfig pointingAt(FakeNewRelic fake) {
        TestConfig c = new TestConfig();
        c.metricUrl = fake.base() + "/metric/v1";
        c.eventUrl = fake.base() + "/v1/accounts/{accountId}/events";
        c.logUrl = fake.base() + "/log/v1";
        return c;
    }

    @Override public Class<? extends Annotation> annotationType() { return NewRelicConfig.class; }
    @Override public String account_name() { return accountName; }
    @Override public String account_id() { return accountId; }
    @Override public String _insert_key() { return insertKey; }
    @Override public String region() { return region; }
    @Override public String metric_url() { return metricUrl; }
    @Override public String event_url() { return eventUrl; }
    @Override public String log_url() { return logUrl; }
    @Override public boolean log_api() { return logApi; }
    @Override public String[] log_levels() { return logLevels; }
    @Override public String[] log_sources() { return logSources; }
    @Override public String[] static_attributes() { return staticAttributes; }
    @Override public String[] dynamic_attributes() { return dynamicAttributes; }
    @Override public String[] headers() { return headers; }
    @Override public boolean scramble_user_ids() { return scramble; }
    @Override public String _scramble_key() { return scrambleKey; }
    @Override public boolean gzip() { return gzip; }
    @Override public int request_timeout_ms() { return 5000; }
    @Override public int max_items_per_post() { return maxItems; }
    @Override public String butlersos_sink_name() { return "newrelic"; }
    @Override public String[] butlersos_sink_signal_types() { return new String[] {"*"}; }
    @Override public int butlersos_sink_batch_size() { return 0; }
    @Override public long butlersos_sink_linger_ms() { return 0; }
    @Override public int butlersos_sink_buffer_limit() { return 0; }
}
