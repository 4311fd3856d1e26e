package io.butlersos.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process started by a test, its standard output and error read into one text as they come. Closing it
 * ends the process and everything it started, so no agent outlives its test.
 */
final class RunningProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private RunningProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "output of pid " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code env}: extra environment, as {@code NAME=value}. */
    static RunningProcess start(Path dir, List<String> command, List<String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        for (String entry : env) {
            environment.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }
        return new RunningProcess(builder.start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException e) {
            output.append("(reading the output failed: ").append(e).append(")\n");
        }
    }

    String output() {
        return output.toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or fails when the process is still running at the deadline. */
    int awaitExit(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + deadline.toSeconds() + " s; output so far:\n" + output());
        }
        reader.join(5_000); // the rest of the output
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
                reader.join(5_000);
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
    }
}
