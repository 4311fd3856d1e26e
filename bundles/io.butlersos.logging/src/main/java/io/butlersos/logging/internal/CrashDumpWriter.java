package io.butlersos.logging.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code crash-<time>.txt} into the log folder: what failed, the stack, the bundles, every
 * Config Admin configuration and the system properties with secrets masked, and a thread dump. Keeps
 * the newest {@value #KEEP} dumps and writes at most one per {@link #MIN_GAP_MS} ms, so a thread that
 * dies in a loop cannot fill the disk.
 */
final class CrashDumpWriter {

    static final int KEEP = 20;
    static final long MIN_GAP_MS = 5_000;
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;
    private long lastWrite = Long.MIN_VALUE;

    CrashDumpWriter(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /**
     * Writes one dump, unless another was written less than {@link #MIN_GAP_MS} ago.
     *
     * @return the file written, or null when skipped
     */
    synchronized Path write(String reason, Throwable error, RuntimeFacts facts) throws IOException {
        long now = clock.millis();
        if (lastWrite != Long.MIN_VALUE && now - lastWrite < MIN_GAP_MS) {
            return null;
        }
        lastWrite = now;
        Files.createDirectories(dir);
        Path file = dir.resolve("crash-" + NAME_TIME.format(Instant.ofEpochMilli(now)) + ".txt");
        Files.writeString(file, render(Instant.ofEpochMilli(now), reason, error, facts), StandardCharsets.UTF_8);
        ownerOnly(file);
        prune();
        return file;
    }

    /** A dump holds the configuration (secrets masked) and stacks: readable by the agent's user only, where the OS allows. */
    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows: the folder's ACL applies
        }
    }

    static String render(Instant time, String reason, Throwable error, RuntimeFacts facts) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("Butler SOS for Java crash dump");
        out.println("time:    " + time);
        out.println("reason:  " + Redactor.text(reason));
        out.println("java:    " + System.getProperty("java.vendor") + " " + System.getProperty("java.version")
                + " on " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.println("heap:    used " + mb(heap.getUsed()) + ", committed " + mb(heap.getCommitted()) + ", max " + mb(heap.getMax()));
        out.println("uptime:  " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        out.println("(values of keys that look secret and Metatype PASSWORD attributes are masked as " + Redactor.MASK + ")");

        section(out, "Exception");
        if (error == null) {
            out.println("(none)");
        } else {
            StringWriter stack = new StringWriter();
            error.printStackTrace(new PrintWriter(stack));
            out.print(Redactor.text(stack.toString()));
        }

        section(out, "Bundles");
        facts.bundles().forEach(out::println);

        section(out, "Configurations");
        Map<String, Set<String>> passwords = facts.passwordAttributes();
        facts.configurations().stream().sorted(Comparator.comparing(RuntimeFacts.Configuration::pid)).forEach(config -> {
            out.println("[" + config.pid() + "]" + (config.factoryPid() == null ? "" : " factory " + config.factoryPid()));
            Set<String> secret = passwords.getOrDefault(config.factoryPid() != null ? config.factoryPid() : config.pid(),
                    passwords.getOrDefault(config.pid(), Set.of()));
            new TreeMap<>(config.properties()).forEach((key, value) ->
                    out.println("  " + key + " = " + Redactor.value(key, value, secret)));
        });

        section(out, "System properties");
        Properties system = System.getProperties();
        new TreeMap<>(system).forEach((key, value) ->
                out.println("  " + key + " = " + Redactor.value(String.valueOf(key), value, Set.of())));

        section(out, "Threads");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            out.print(Redactor.text(fullStack(thread)));
        }
        out.flush();
        return text.toString();
    }

    /** ThreadInfo.toString() stops after eight frames; a crash dump wants them all. */
    private static String fullStack(ThreadInfo thread) {
        StringBuilder s = new StringBuilder();
        s.append('"').append(thread.getThreadName()).append("\" id=").append(thread.getThreadId())
                .append(' ').append(thread.getThreadState()).append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
            s.append("    at ").append(frame).append('\n');
        }
        return s.append('\n').toString();
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println("== " + title + " ==");
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "unbounded" : String.format("%.1f MB", bytes / 1048576.0);
    }

    private void prune() throws IOException {
        List<Path> dumps;
        try (Stream<Path> files = Files.list(dir)) {
            dumps = files.filter(p -> p.getFileName().toString().matches("crash-.*\\.txt")).sorted().toList();
        }
        for (int i = 0; i < dumps.size() - KEEP; i++) {
            Files.deleteIfExists(dumps.get(i));
        }
    }
}
