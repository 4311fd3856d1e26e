package io.butlersos.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The operator archive the distribution module packs ({@code butler-sos-<version>.tar.gz}), unpacked into a
 * folder of the test's own, as an operator unpacks it. Paths come from the build (see this module's pom).
 */
final class AgentArchive {

    private AgentArchive() {
    }

    static Path archive() {
        return builtFile("butlersos.archive", "the agent archive");
    }

    static Path simulatorJar() {
        return builtFile("butlersos.simulator.jar", "the stand-alone Qlik Sense simulator");
    }

    /** Unpacks the archive with {@code tar} (file modes kept, so bin/butler-sos is executable as shipped). */
    static Path unpack(Path into) throws IOException, InterruptedException {
        try (RunningProcess tar = RunningProcess.start(into, List.of("tar", "-xzf", archive().toString()), List.of())) {
            assertThat(tar.awaitExit(Duration.ofSeconds(60))).as("tar -xzf %s: %s", archive(), tar.output()).isZero();
        }
        Path home = into.resolve("butler-sos");
        assertThat(home.resolve("bin/butler-sos")).isExecutable();
        return home;
    }

    /** The java that runs these tests runs the agent too (the launcher takes it from JAVA). */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path builtFile(String property, String what) {
        String value = System.getProperty(property);
        assertThat(value).as("system property %s (set by distribution/verify/pom.xml)", property).isNotBlank();
        Path file = Path.of(value);
        assertThat(file).as("%s at %s: build it first with mvn -B verify -pl distribution/verify -am", what, file)
                .isRegularFile();
        return file;
    }
}
