package io.butlersos.itest.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium from the Debian package {@code chromium}, run the way the toolchain probe ran it:
 * a fresh profile each time, nothing fetched from the network but the page under test.
 */
final class Chromium {

    static final String PACKAGE = "chromium";

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** Finds Chromium; without it the test fails under CI=true and is skipped elsewhere, naming the package. */
    static Chromium require() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return new Chromium(candidate);
                }
            }
        }
        String message = "Chromium is not installed: install the Debian package '" + PACKAGE
                + "' (apt-get install chromium chromium-driver; scripts/test.sh does it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        return null;
    }

    /** The page's DOM after its scripts ran for the given virtual time. */
    String dumpDom(String url, int virtualTimeMs) throws IOException, InterruptedException {
        return run(url, List.of("--dump-dom", "--virtual-time-budget=" + virtualTimeMs), null);
    }

    /** A PNG screenshot of the page after its scripts ran for the given virtual time. */
    byte[] screenshot(String url, int virtualTimeMs, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        run(url, List.of("--screenshot=" + file.toAbsolutePath(), "--window-size=1280,1400",
                "--hide-scrollbars", "--virtual-time-budget=" + virtualTimeMs), file);
        return Files.readAllBytes(file);
    }

    private String run(String url, List<String> extra, Path expectedFile) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("itest-chromium-profile");
        Path stderr = Files.createTempFile("itest-chromium", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile));
            command.addAll(extra);
            command.add(url);
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("Chromium did not finish within 90 s for " + url);
            }
            if (process.exitValue() != 0 || (expectedFile != null && !Files.exists(expectedFile))) {
                fail("Chromium failed (exit " + process.exitValue() + ") for " + url + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(stderr);
        }
    }
}
