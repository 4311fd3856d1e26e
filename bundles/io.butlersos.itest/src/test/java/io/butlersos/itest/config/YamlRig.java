package io.butlersos.itest.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.stream.Stream;

import io.butlersos.config.ConfigStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Points io.butlersos.config at a YAML file in a temporary folder and cleans up every configuration after. */
final class YamlRig implements AutoCloseable {

    static final String MARKER = ".butlersos.yaml";

    final Path folder;
    final Path yaml;
    private final BundleContext context;
    private final ConfigurationAdmin admin;

    YamlRig(BundleContext context, ConfigurationAdmin admin) throws IOException {
        this.context = context;
        this.admin = admin;
        this.folder = Files.createTempDirectory("itest-yaml");
        this.yaml = folder.resolve("production.yaml");
    }

    static int freePort() throws IOException {
        return io.butlersos.itest.FreePorts.port();
    }

    void write(String text) throws IOException {
        // Write then move, as editors and config tools do, so the watcher never reads half a file.
        Path temp = folder.resolve("production.yaml.tmp");
        Files.writeString(temp, text);
        Files.move(temp, yaml, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Configures the YAML component for this file: watched every 100 ms, no exit on a bad file. */
    void start() throws IOException {
        Configuration config = admin.getConfiguration("io.butlersos.config", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("file", yaml.toString());
        properties.put("watch.interval.ms", 100L);
        properties.put("exit.on.startup.error", false);
        config.update(properties);
    }

    /** The status service of the component instance reading this file, or null until it has read it. */
    ConfigStatus status() {
        ServiceReference<ConfigStatus> ref = context.getServiceReference(ConfigStatus.class);
        if (ref == null) {
            return null;
        }
        ConfigStatus status = context.getService(ref);
        context.ungetService(ref);
        return status != null && status.file().filter(f -> f.equals(yaml.toString())).isPresent() ? status : null;
    }

    /** For failure messages: what the status service says, whichever file it reads. */
    java.util.function.Supplier<String> describe() {
        return () -> {
            ServiceReference<ConfigStatus> ref = context.getServiceReference(ConfigStatus.class);
            if (ref == null) {
                return "no ConfigStatus service";
            }
            ConfigStatus status = context.getService(ref);
            return status.file() + " applied " + status.appliedAt() + " problems " + status.problems() + "\n" + status.render();
        };
    }

    /** The configurations a YAML produced, or null when there are none. */
    Configuration[] ours() {
        try {
            return admin.listConfigurations("(" + MARKER + "=*)");
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Dictionary<String, Object> properties(String pid) {
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
            return found == null ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Object property(String pid, String key) {
        Dictionary<String, Object> properties = properties(pid);
        return properties == null ? null : properties.get(key);
    }

    @Override
    public void close() throws Exception {
        try {
            if (status() != null) {
                // Let the component remove what it made: a file that produces nothing, applied.
                write("Butler-SOS:\n  crashFile:\n    enable: false\n");
                io.butlersos.itest.Await.until("the YAML component removes its configurations", () -> {
                    ConfigStatus status = status();
                    return status != null && status.problems().isEmpty() && status.effectiveConfiguration().isEmpty()
                            && ours() == null;
                });
            }
        } finally {
            admin.getConfiguration("io.butlersos.config", "?").delete();
            io.butlersos.itest.Await.until("the YAML component stops reading " + yaml, () -> {
                try {
                    for (ServiceReference<ConfigStatus> ref : context.getServiceReferences(ConfigStatus.class, null)) {
                        ConfigStatus status = context.getService(ref);
                        context.ungetService(ref);
                        if (status != null && status.file().filter(f -> f.equals(yaml.toString())).isPresent()) {
                            return false;
                        }
                    }
                    return true;
                } catch (InvalidSyntaxException e) {
                    throw new IllegalStateException(e);
                }
            });
            Configuration[] left = ours();
            if (left != null) {
                for (Configuration config : left) {
                    config.delete();
                }
            }
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
