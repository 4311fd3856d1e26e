package io.butlersos.itest.influxdb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.agent.ErrorCategory;
import io.butlersos.api.agent.ErrorSignal;
import io.butlersos.api.sink.DeliveryMonitor;
import io.butlersos.api.sink.Sink;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.TestSignal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The InfluxDB output in Felix, configured only through Config Admin, writing to a real influxd 1.x. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class InfluxSinkIT {

    private static InfluxdProcess influxd;

    @InjectBundleContext
    BundleContext context;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    DeliveryMonitor monitor;

    @InjectService
    ConfigurationAdmin admin;

    @BeforeAll
    static void startInfluxd() throws Exception {
        influxd = InfluxdProcess.start();
    }

    @AfterAll
    static void stopInfluxd() throws Exception {
        if (influxd != null) {
            influxd.close();
        }
    }

    private boolean sinkRegistered(String name) {
        try {
            return !context.getServiceReferences(Sink.class, "(" + Sink.NAME + "=" + name + ")").isEmpty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean stored(String database, String measurement, String text) {
        try {
            return influxd.query(database, "SELECT * FROM \"" + measurement + "\"").contains(text);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aFactoryConfigurationWritesPointsReconfiguresLiveAndGoesAway() throws Exception {
        CoreSettings.fast(admin);
        Configuration config = admin.getFactoryConfiguration("io.butlersos.sink.influxdb", "itest", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", "influxdb-itest");
        props.put("url", influxd.url());
        props.put("database", "itest_one");
        props.put("retention.policy", "");
        props.put("signal.types", new String[] {"itest.influx", "agent.error"});
        props.put("linger.ms", "10");
        props.put("tags", new String[] {"env=itest"});
        config.update(props);

        Await.until("the InfluxDB sink to be served", () -> monitor.sinks().stream()
                .anyMatch(s -> s.sinkName().equals("influxdb-itest") && s.attached()));
        assertTrue(sinkRegistered("influxdb-itest"));
        publisher.publish(new TestSignal("itest.influx", 41));
        publisher.publish(new ErrorSignal(Instant.now(), "itest", "HEALTH_API", "central", "HEALTH_METRICS",
                ErrorCategory.TIMEOUT, "timed out", "", 0, Map.of()));
        Await.until("point 41 in itest_one", Duration.ofSeconds(30), () -> stored("itest_one", "itest", "41"));
        Await.until("the error point in itest_one", Duration.ofSeconds(30),
                () -> stored("itest_one", "butler_sos_errors", "HEALTH_API"));
        assertTrue(influxd.query("itest_one", "SELECT * FROM itest").contains("\"env\""), "global tag written");

        props.put("database", "itest_two");
        config.update(props);
        Await.until("the sink to write to itest_two", () -> monitor.sinks().stream()
                .anyMatch(s -> s.sinkName().equals("influxdb-itest") && s.attached()
                        && s.target().endsWith("db=itest_two")));
        publisher.publish(new TestSignal("itest.influx", 42));
        Await.until("point 42 in itest_two", Duration.ofSeconds(30), () -> stored("itest_two", "itest", "42"));

        config.delete();
        Await.until("the InfluxDB sink service to go away", () -> !sinkRegistered("influxdb-itest"));
        // The registry drops the service a moment before the core has been told; wait for the core.
        Await.until("no InfluxDB sink attached after the delete", () -> monitor.sinks().stream()
                .filter(s -> s.sinkName().equals("influxdb-itest")).noneMatch(s -> s.attached()));
    }
}
