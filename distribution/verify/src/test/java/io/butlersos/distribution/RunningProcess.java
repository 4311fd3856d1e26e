package io.butlersos.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process started by a test, its standard output and error written into one file as they come. Closing it
 * ends the process and everything it started, so no agent outlives its test.
 *
 * <p>A file, not a pipe: when a process ends, the JDK drains and closes its output pipe under a reader still
 * reading it ("Stream closed"), which lost the last lines, the very ones a stop test looks for.
 */
final class RunningProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private RunningProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** {@code env}: extra environment, as {@code NAME=value}. */
    static RunningProcess start(Path dir, List<String> command, List<String> env) throws IOException {
        Path output = Files.createTempFile("process-output-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        for (String entry : env) {
            environment.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }
        return new RunningProcess(builder.start(), output);
    }

    String output() {
        try {
            return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of pid " + process.pid() + " from " + output, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or fails when the process is still running at the deadline. */
    int awaitExit(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + deadline.toSeconds() + " s; output so far:\n" + output());
        }
        return process.exitValue();
    }

    /** Waits until the output satisfies {@code test}; fails at the deadline or when the process ends first. */
    String awaitOutput(String what, Predicate<String> test, Duration deadline) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            String text = output();
            if (test.test(text)) {
                return text;
            }
            if (!process.isAlive()) {
                if (test.test(output())) {
                    return output();
                }
                throw new AssertionError("ended with exit code " + process.exitValue() + " before " + what
                        + "; output:\n" + output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within " + deadline.toSeconds() + " s; output so far:\n" + output());
    }

    String awaitLine(String text, Duration deadline) throws InterruptedException {
        return awaitOutput("line with \"" + text + "\"", out -> out.contains(text), deadline);
    }

    /** Asks the process to stop as a service manager does (SIGTERM) and returns its exit code. */
    int stop(Duration deadline) throws InterruptedException {
        process.destroy();
        return awaitExit(deadline);
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort: a process that does not end in 10 s after SIGKILL is the system's problem
            }
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            // a leftover file in the temp folder is harmless
        }
    }
}
