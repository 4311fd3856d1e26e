package io.butlersos.sink.newrelic.internal;

import java.net.URI;
import java.util.Locale;

/**
 * The three ingest URLs of one account: the region's, or the configured overrides.
 *
 * @param metric Metric API
 * @param event Event API, with the account id filled in
 * @param log Log API
 */
record Endpoints(URI metric, URI event, URI log) {

    static Endpoints of(NewRelicConfig config) {
        String region = config.region().trim().toUpperCase(Locale.ROOT);
        String metric;
        String event;
        String log;
        switch (region) {
            case "US" -> {
                metric = "https://metric-api.newrelic.com/metric/v1";
                event = "https://insights-collector.newrelic.com/v1/accounts/{accountId}/events";
                log = "https://log-api.newrelic.com/log/v1";
            }
            case "EU" -> {
                metric = "https://metric-api.eu.newrelic.com/metric/v1";
                event = "https://insights-collector.eu01.nr-data.net/v1/accounts/{accountId}/events";
                log = "https://log-api.eu.newrelic.com/log/v1";
            }
            default -> throw new IllegalArgumentException("region must be US or EU, not '" + config.region() + "'");
        }
        metric = config.metric_url().isBlank() ? metric : config.metric_url().trim();
        event = config.event_url().isBlank() ? event : config.event_url().trim();
        log = config.log_url().isBlank() ? log : config.log_url().trim();
        String accountId = config.account_id().trim();
        if (event.contains("{accountId}")) {
            if (!accountId.matches("[0-9]+")) {
                throw new IllegalArgumentException("account.id must be the numeric New Relic account id, not '"
                        + accountId + "'");
            }
            event = event.replace("{accountId}", accountId);
        }
        return new Endpoints(uri("metric.url", metric), uri("event.url", event), uri("log.url", log));
    }

    private static URI uri(String key, String value) {
        try {
            URI uri = URI.create(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException(key + " must be an http(s) URL, not '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: '" + value + "'", e);
        }
    }
}
