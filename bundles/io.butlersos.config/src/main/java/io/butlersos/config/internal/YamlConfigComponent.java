package io.butlersos.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.butlersos.config.ConfigStatus;
import io.butlersos.config.internal.apply.ApplyReport;
import io.butlersos.config.internal.apply.ConfigApplier;
import io.butlersos.config.internal.mapping.Desired;
import io.butlersos.config.internal.yaml.Problem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Butler SOS YAML, applies it through Config Admin, and watches it: a good edit is applied
 * without restart, a bad one is refused (the log says why) and the last good configuration keeps running.
 * At start-up a bad file ends the agent with exit code 2, unless configured otherwise.
 */
@Component(configurationPid = YamlConfigSettings.PID, immediate = true,
        service = {ConfigStatus.class, ConfigurationListener.class})
@Designate(ocd = YamlConfigSettings.class)
public final class YamlConfigComponent implements ConfigStatus, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(YamlConfigComponent.class);

    @Reference
    private ConfigurationAdmin admin;

    private BundleContext context;
    private ScheduledExecutorService worker;
    private ServiceRegistration<?> exitRegistration;
    private final ConfigFileLoader loader = new ConfigFileLoader(System::getenv);

    // Written by the worker thread only; read by status callers.
    private volatile Path file;
    private volatile LoadResult lastGood;
    private volatile Instant appliedAt;
    private volatile List<String> problems = List.of();
    private volatile List<String> nativeWins = List.of();
    private volatile String fingerprint = "";
    private volatile Set<Path> watched = Set.of();
    private volatile boolean active = true;

    @Activate
    void activate(BundleContext context, YamlConfigSettings settings) {
        this.context = context;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "butlersos-config");
            thread.setDaemon(true);
            return thread;
        });
        LauncherArguments arguments = LauncherArguments.of(context);
        Optional<Path> located = locate(settings, arguments);
        if (arguments.printConfig()) {
            worker.execute(() -> printAndExit(located));
            return;
        }
        if (located.isEmpty()) {
            LOG.info("No Butler SOS YAML given (-c <file> or {}/butler-sos.yaml): configuration comes from native files only",
                    configFolder());
            return;
        }
        file = located.get();
        worker.execute(() -> start(settings));
        worker.scheduleWithFixedDelay(this::checkForEdit, settings.watch_interval_ms(), settings.watch_interval_ms(),
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        active = false;
        worker.shutdownNow();
        try {
            // Let an apply in progress finish, so no write lands after this instance is gone.
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (exitRegistration != null) {
            exitRegistration.unregister();
        }
        // The configurations stay: Config Admin keeps them and the next start reconciles them with the file.
    }

    private String configFolder() {
        String folder = context.getProperty("felix.fileinstall.dir");
        return folder == null || folder.isBlank() ? "config" : folder;
    }

    private Optional<Path> locate(YamlConfigSettings settings, LauncherArguments arguments) {
        if (!settings.file().isBlank()) {
            return Optional.of(Path.of(settings.file()));
        }
        Optional<String> argument = arguments.configFile();
        if (argument.isPresent()) {
            return argument.map(Path::of);
        }
        String property = context.getProperty("butlersos.config");
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        Path conventional = Path.of(configFolder(), "butler-sos.yaml");
        return Files.isRegularFile(conventional) ? Optional.of(conventional) : Optional.empty();
    }

    private void start(YamlConfigSettings settings) {
        Set<Path> before = Set.of(file);
        String seen = FileFingerprint.of(before);
        LoadResult result = loader.load(file);
        remember(result, before, seen);
        if (result.ok()) {
            apply(result);
            return;
        }
        problems = lines(result.problems());
        LOG.error("{} has {} problem(s); nothing from it was applied:{}{}", file, result.problems().size(),
                System.lineSeparator(), result.report().stripTrailing());
        if (settings.exit_on_startup_error()) {
            LOG.error("Stopping the agent with exit code {}: fix {} and start it again", ExitRequest.BAD_CONFIGURATION, file);
            requestExit(ExitRequest.BAD_CONFIGURATION);
        }
    }

    private void checkForEdit() {
        try {
            Set<Path> before = watched;
            String seen = FileFingerprint.of(before);
            if (seen.equals(fingerprint)) {
                reclaimFromRemovedNativeFiles();
                return;
            }
            LoadResult result = loader.load(file);
            remember(result, before, seen);
            if (result.ok()) {
                LOG.info("{} changed; applying it", file);
                apply(result);
            } else {
                problems = lines(result.problems());
                LOG.warn("Refused the edit of {}: {} problem(s), the last good configuration keeps running:{}{}", file,
                        result.problems().size(), System.lineSeparator(), result.report().stripTrailing());
            }
        } catch (RuntimeException e) {
            LOG.error("Checking {} for edits failed: {}", file, e.toString(), e);
        }
    }

    /**
     * A PID left to a native file comes back to the YAML once that file (and so its configuration) is gone.
     * The configuration listener notices at once; this check on every tick makes sure of it.
     */
    private void reclaimFromRemovedNativeFiles() {
        LoadResult good = lastGood;
        if (good == null || nativeWins.isEmpty()) {
            return;
        }
        for (String pid : nativeWins) {
            try {
                org.osgi.service.cm.Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
                if (found == null) {
                    LOG.info("{} has no native configuration any more; applying the YAML's", pid);
                    apply(good);
                    return;
                }
            } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
                LOG.warn("Cannot look up {}: {}", pid, e.toString());
            }
        }
    }

    /**
     * What to watch from now on: the file and the secret files this reading used. The fingerprint is the
     * one taken before reading when the same files were read, so an edit made while reading is seen next tick.
     */
    private void remember(LoadResult result, Set<Path> before, String seen) {
        watched = result.watched();
        fingerprint = watched.equals(before) ? seen : FileFingerprint.of(watched);
    }

    private void apply(LoadResult result) {
        if (!active) {
            return; // a newer instance of this component owns Config Admin now
        }
        try {
            ApplyReport report = new ConfigApplier(admin).apply(file.toAbsolutePath().toString(),
                    result.translation().configurations());
            // appliedAt last: whoever sees it sees the rest of this apply's state too.
            nativeWins = report.nativeWins();
            problems = List.of();
            lastGood = result;
            appliedAt = Instant.now();
            LOG.info("Applied {}: {}", file, report.summary());
            for (String pid : report.nativeWins()) {
                LOG.info("{} is also set by a native configuration (a file in {}/); the native one wins", pid, configFolder());
            }
            result.translation().notices().forEach(notice -> LOG.warn("{}", notice));
        } catch (IOException | RuntimeException e) {
            LOG.error("Applying {} to Config Admin failed: {}", file, e.toString(), e);
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        LoadResult good = lastGood;
        if (event.getType() != ConfigurationEvent.CM_DELETED || good == null || !active) {
            return;
        }
        if (nativeWins.contains(event.getPid())) {
            // The native file that won over the YAML for this PID was removed: the YAML's version comes back.
            worker.execute(() -> {
                if (lastGood == good) {
                    apply(good);
                }
            });
        }
    }

    private void printAndExit(Optional<Path> located) {
        if (located.isEmpty()) {
            System.err.println("--print-config needs a file: -c <production.yaml>");
            requestExit(ExitRequest.BAD_CONFIGURATION);
            return;
        }
        LoadResult result = loader.load(located.get());
        if (result.ok()) {
            System.out.print(EffectiveView.render(located.get().toString(), result.translation().configurations(),
                    new Masking(result.doc().secretValues()), result.translation().notices(), List.of()));
            System.out.flush();
            requestExit(0);
        } else {
            System.err.print(result.report());
            System.err.flush();
            requestExit(ExitRequest.BAD_CONFIGURATION);
        }
    }

    private void requestExit(int code) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("main.thread", true);
        exitRegistration = context.registerService(java.util.concurrent.Callable.class.getName(), new ExitRequest(code),
                properties);
    }

    private static List<String> lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }

    // ---- ConfigStatus ----

    @Override
    public Optional<String> file() {
        return Optional.ofNullable(file).map(Path::toString);
    }

    @Override
    public Optional<Instant> appliedAt() {
        return Optional.ofNullable(appliedAt);
    }

    @Override
    public Map<String, Map<String, Object>> effectiveConfiguration() {
        LoadResult good = lastGood;
        return good == null ? Map.of()
                : EffectiveView.masked(good.translation().configurations(), new Masking(good.doc().secretValues()));
    }

    @Override
    public List<String> problems() {
        return problems;
    }

    @Override
    public List<String> notices() {
        LoadResult good = lastGood;
        List<String> notices = new ArrayList<>(good == null ? List.of() : good.translation().notices());
        nativeWins.forEach(pid -> notices.add(pid + " is set by a native configuration, which wins over the YAML"));
        return notices;
    }

    @Override
    public String render() {
        LoadResult good = lastGood;
        List<Desired> configurations = good == null ? List.of() : good.translation().configurations();
        Masking masking = new Masking(good == null ? Set.of() : good.doc().secretValues());
        return EffectiveView.render(file().orElse("(no file)"), configurations, masking, notices(), problems);
    }
}
