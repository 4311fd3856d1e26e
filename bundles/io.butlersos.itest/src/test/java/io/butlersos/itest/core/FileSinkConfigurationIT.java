package io.butlersos.itest.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;

import io.butlersos.api.SignalPublisher;
import io.butlersos.api.sink.DeliveryMonitor;
import io.butlersos.api.sink.Sink;
import io.butlersos.itest.Await;
import io.butlersos.itest.CoreSettings;
import io.butlersos.itest.TestSignal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/** The file output driven only through Config Admin: created, reconfigured and removed live. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class FileSinkConfigurationIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService
    SignalPublisher publisher;

    @InjectService
    DeliveryMonitor monitor;

    @InjectService
    ConfigurationAdmin admin;

    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        CoreSettings.fast(admin);
        dir = Files.createTempDirectory("itest-file-sink");
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private boolean fileSinkRegistered(String name) {
        try {
            return !context.getServiceReferences(Sink.class, "(" + Sink.NAME + "=" + name + ")").isEmpty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String allLines(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.sorted().toList()) {
                all.append(Files.readString(f));
            }
            return all.toString();
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void aFactoryConfigurationCreatesReconfiguresAndRemovesTheFileOutput() throws Exception {
        Configuration config = admin.getFactoryConfiguration("io.butlersos.sink.file", "itest", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("folder", dir.resolve("first").toString());
        props.put("butlersos.sink.name", "itest-file");
        props.put("butlersos.sink.signal.types", new String[] {"itest.file"});
        config.update(props);

        Await.until("the file sink service to appear", () -> fileSinkRegistered("itest-file"));
        // The service registry shows the sink a moment before the core has bound it; wait for the core.
        Await.until("the core to serve the file sink", () -> monitor.sinks().stream()
                .anyMatch(s -> s.sinkName().equals("itest-file") && s.attached()));
        publisher.publish(new TestSignal("itest.file", 1));
        Await.until("signal 1 in the first folder", () -> allLines(dir.resolve("first")).contains("\"n\":1"));
        String line = allLines(dir.resolve("first")).lines().findFirst().orElseThrow();
        assertTrue(line.startsWith("{\"type\":\"itest.file\",\"time\":\"2023-11-14T22:13:21Z\""), line);

        props.put("folder", dir.resolve("second").toString());
        config.update(props);
        Await.until("the sink to write to the second folder", () -> monitor.sinks().stream()
                .anyMatch(s -> s.sinkName().equals("itest-file") && s.attached()
                        && s.target().equals(dir.resolve("second").toString())));
        publisher.publish(new TestSignal("itest.file", 2));
        Await.until("signal 2 in the second folder", () -> allLines(dir.resolve("second")).contains("\"n\":2"));
        assertFalse(allLines(dir.resolve("first")).contains("\"n\":2"));

        config.delete();
        Await.until("the file sink service to go away", () -> !fileSinkRegistered("itest-file"));
        // Felix drops a service from the registry before it tells listeners (the core) that it goes.
        Await.until("the core to detach the file sink", () -> monitor.sinks().stream()
                .filter(s -> s.sinkName().equals("itest-file")).map(s -> s.attached()).toList()
                .equals(List.of(false)));
        publisher.publish(new TestSignal("itest.file", 3));
        assertFalse(allLines(dir.resolve("second")).contains("\"n\":3"));
    }
}
