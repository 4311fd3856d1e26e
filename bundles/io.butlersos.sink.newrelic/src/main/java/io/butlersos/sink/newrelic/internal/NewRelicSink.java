package io.butlersos.sink.newrelic.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.butlersos.api.Signal;
import io.butlersos.api.agent.health.AgentStats;
import io.butlersos.api.events.LogEvent;
import io.butlersos.api.events.UserEvent;
import io.butlersos.api.sense.HealthSample;
import io.butlersos.api.sense.ProxySessions;
import io.butlersos.api.sink.Sink;
import io.butlersos.api.sink.SinkException;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One New Relic account. A batch becomes up to three kinds of request (Metric API, Event API, Log
 * API), each split to New Relic's limits. When a request fails retriably after others of the same
 * batch went through, the signals already sent are remembered, so the core's retry does not send
 * them twice.
 */
@Component(configurationPid = NewRelicConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = NewRelicConfig.class, factory = true)
public final class NewRelicSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(NewRelicSink.class);
    private static final int MAX_REMEMBERED = 100_000;

    private enum Api {
        METRIC("Metric API", Payloads.Shape.ARRAY),
        EVENT("Event API", Payloads.Shape.ARRAY),
        LOG("Log API", Payloads.Shape.LOG_BLOCK);

        final String label;
        final Payloads.Shape shape;

        Api(String label, Payloads.Shape shape) {
            this.label = label;
            this.shape = shape;
        }
    }

    private final String account;
    private final Endpoints endpoints;
    private final Transport transport;
    private final MetricRecords metrics;
    private final EventRecords events;
    private final boolean logApi;
    private final LogFilter logFilter;
    private final int maxItems;
    private final boolean gzip;
    /** Per API, signals a failed attempt already delivered; only the core's worker thread touches them. */
    private final List<Set<Signal>> sentBefore = List.of(identitySet(), identitySet(), identitySet());

    @Activate
    public NewRelicSink(NewRelicConfig config) {
        this(config, version());
    }

    NewRelicSink(NewRelicConfig config, String version) {
        this.account = config.account_name();
        this.endpoints = Endpoints.of(config);
        this.gzip = config.gzip();
        this.maxItems = Math.max(1, config.max_items_per_post());
        this.transport = new Transport(account, config._insert_key(), gzip,
                Duration.ofMillis(config.request_timeout_ms()), ListValues.of(config.headers()), version);
        Attributes extra = Attributes.of(ListValues.of(config.static_attributes()),
                ListValues.of(config.dynamic_attributes()), version);
        UserScrambler scrambler = config.scramble_user_ids() ? new UserScrambler(config._scramble_key()) : null;
        if (scrambler != null && config._scramble_key().isEmpty()) {
            LOG.warn("New Relic account '{}': no .scramble.key set; user ids are scrambled with a random key, "
                    + "so their pseudonyms change when the agent restarts", account);
        }
        this.metrics = new MetricRecords(extra);
        this.events = new EventRecords(extra, scrambler);
        this.logApi = config.log_api();
        this.logFilter = new LogFilter(ListValues.of(config.log_levels()), ListValues.of(config.log_sources()));
        LOG.info("New Relic output '{}' sends account '{}' metrics to {} and events to {}", config.butlersos_sink_name(),
                account, endpoints.metric(), endpoints.event());
    }

    @Override
    public void write(List<Signal> batch) throws SinkException, InterruptedException {
        List<List<Payloads.Item>> items = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < batch.size(); i++) {
            addRecords(i, batch.get(i), items);
        }
        Set<Integer> refused = new TreeSet<>();
        List<String> reasons = new ArrayList<>();
        for (Api api : Api.values()) {
            send(api, batch, items.get(api.ordinal()), refused, reasons);
        }
        forget(batch);
        if (!refused.isEmpty()) {
            String message = String.join("; ", reasons);
            if (refused.size() == batch.size()) {
                throw SinkException.permanent(message, null);
            }
            throw SinkException.partial(message, refused);
        }
    }

    private void addRecords(int index, Signal signal, List<List<Payloads.Item>> items) {
        if (signal instanceof HealthSample s) {
            items.get(Api.METRIC.ordinal()).add(Payloads.item(index, metrics.health(s)));
        } else if (signal instanceof ProxySessions s) {
            items.get(Api.METRIC.ordinal()).add(Payloads.item(index, metrics.sessions(s)));
        } else if (signal instanceof AgentStats s) {
            items.get(Api.METRIC.ordinal()).add(Payloads.item(index, metrics.agent(s)));
        } else if (signal instanceof UserEvent e) {
            items.get(Api.EVENT.ordinal()).add(Payloads.item(index, events.userEvent(e)));
        } else if (signal instanceof LogEvent e && logFilter.accepts(e)) {
            items.get(Api.EVENT.ordinal()).add(Payloads.item(index, events.logEvent(e)));
            if (logApi) {
                items.get(Api.LOG.ordinal()).add(Payloads.item(index, events.logRecord(e)));
            }
        }
        // Other types have no New Relic mapping and count as delivered.
    }

    private void send(Api api, List<Signal> batch, List<Payloads.Item> items, Set<Integer> refused,
            List<String> reasons) throws SinkException, InterruptedException {
        Set<Signal> sent = sentBefore.get(api.ordinal());
        List<Payloads.Item> pending = items.stream().filter(it -> !sent.contains(batch.get(it.signalIndex()))).toList();
        if (pending.isEmpty()) {
            return;
        }
        Payloads.Packed packed = new Payloads(api.shape, maxItems, gzip).pack(pending);
        if (!packed.tooLarge().isEmpty()) {
            refused.addAll(packed.tooLarge());
            reasons.add(packed.tooLarge().size() + " record(s) over New Relic's 1 MB request limit on their own");
        }
        URI uri = switch (api) {
            case METRIC -> endpoints.metric();
            case EVENT -> endpoints.event();
            case LOG -> endpoints.log();
        };
        for (Payloads.Post post : packed.posts()) {
            try {
                transport.post(api.label, uri, post.body());
                remember(sent, batch, post.signalIndices());
            } catch (Transport.Refused e) {
                refused.addAll(post.signalIndices());
                reasons.add(e.getMessage());
            }
        }
    }

    private static void remember(Set<Signal> sent, List<Signal> batch, List<Integer> indices) {
        if (sent.size() > MAX_REMEMBERED) {
            sent.clear(); // a batch the core gave up on; better a rare duplicate than a leak
        }
        for (int i : indices) {
            sent.add(batch.get(i));
        }
    }

    /** The batch is settled (delivered or refused): its signals need no remembering. */
    private void forget(List<Signal> batch) {
        for (Set<Signal> sent : sentBefore) {
            if (!sent.isEmpty()) {
                batch.forEach(sent::remove);
            }
        }
    }

    @Override
    public String target() {
        return "New Relic account '" + account + "' (" + endpoints.metric().getHost() + ", "
                + endpoints.event().getHost() + ")";
    }

    private static Set<Signal> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static String version() {
        Bundle bundle = FrameworkUtil.getBundle(NewRelicSink.class);
        return bundle == null ? "unknown" : bundle.getVersion().toString();
    }
}
