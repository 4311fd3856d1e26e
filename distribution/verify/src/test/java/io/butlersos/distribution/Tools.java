package io.butlersos.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Programs from Debian's packages that some checks run. */
final class Tools {

    private Tools() {
    }

    /** The program on PATH; without it the check fails under CI=true, naming the package, and is skipped elsewhere. */
    static Path require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = program + " is not installed: install the Debian package '" + debianPackage
                + "' (scripts/test.sh does it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        return null;
    }

    record Run(int exit, String output) {
    }

    /** Runs a program to its end (at most a minute), with its output and errors together. */
    static Run run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command[0] + " did not finish within 60 s: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
