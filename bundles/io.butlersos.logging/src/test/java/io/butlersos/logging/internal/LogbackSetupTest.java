package io.butlersos.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

class LogbackSetupTest {

    @TempDir
    Path dir;

    private final LoggerContext context = new LoggerContext();
    private LogbackSetup setup;

    @BeforeEach
    void start() {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // what the slf4j provider does
        setup = new LogbackSetup(context);
    }

    @AfterEach
    void stop() {
        setup.stop();
        context.stop();
    }

    private LogSettings settings(String root, Map<String, String> levels, String maxSize) {
        return new LogSettings(dir, root, levels, false, true, maxSize, 14, "1GB");
    }

    private String logFile() throws IOException {
        return Files.readString(dir.resolve(LogSettings.FILE_NAME));
    }

    @Test
    void linesOfEveryLoggerLandInTheLogFileWithTimeLevelThreadAndLogger() throws IOException {
        setup.apply(settings("INFO", Map.of(), "10MB"));
        context.getLogger("io.butlersos.sense.internal.Poller").info("polled {}", "sense1");
        context.getLogger("org.apache.felix.scr").warn("component failed");

        assertThat(logFile())
                .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  \\[main\\] io.butlersos.sense.internal.Poller - polled sense1")
                .contains("WARN  [main] org.apache.felix.scr - component failed");
    }

    @Test
    void aBundleLevelAppliesLiveToAllItsLoggersAndGoesBackToInheritingWhenRemoved() throws IOException {
        setup.apply(settings("INFO", Map.of(), "10MB"));
        Logger poller = context.getLogger("io.butlersos.sense.internal.Poller");
        poller.debug("debug-before");

        setup.apply(settings("INFO", Map.of("io.butlersos.sense", "DEBUG"), "10MB"));
        poller.debug("debug-while-on");
        context.getLogger("io.butlersos.core.Lane").debug("other-bundle-debug");

        setup.apply(settings("INFO", Map.of(), "10MB"));
        poller.debug("debug-after");

        assertThat(logFile()).contains("debug-while-on")
                .doesNotContain("debug-before", "debug-after", "other-bundle-debug");
    }

    @Test
    void javaUtilLoggingLevelsFollowTheLogbackLevels() {
        setup.apply(settings("INFO", Map.of("org.eclipse.paho", "DEBUG"), "10MB"));
        assertThat(java.util.logging.Logger.getLogger("org.eclipse.paho").getLevel()).isEqualTo(java.util.logging.Level.FINE);
        setup.apply(settings("INFO", Map.of("org.eclipse.paho", "ERROR"), "10MB"));
        assertThat(java.util.logging.Logger.getLogger("org.eclipse.paho").getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
    }

    @Test
    void theFileRollsOverWhenItReachesItsMaximumSize() throws Exception {
        setup.apply(settings("INFO", Map.of(), "1KB"));
        Logger logger = context.getLogger("io.butlersos.test");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        int line = 0;
        while (rolledFiles() == 0) {
            assertThat(Instant.now()).as("a rolled file within 20 s").isBefore(deadline);
            logger.info("line {} {}", line++, "x".repeat(100));
            Thread.sleep(2); // the size check is time-gated; give it time to look
        }
        assertThat(Files.size(dir.resolve(LogSettings.FILE_NAME))).isLessThan(64 * 1024);
    }

    private long rolledFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("butler-sos\\.\\d{4}-\\d\\d-\\d\\d\\.\\d+\\.log(\\.gz)?")).count();
        }
    }

    @Test
    void turningTheFileOffClosesItAndOnAgainAppends() throws IOException {
        setup.apply(settings("INFO", Map.of(), "10MB"));
        context.getLogger("a").info("first");
        setup.apply(new LogSettings(dir, "INFO", Map.of(), false, false, "10MB", 14, "1GB"));
        context.getLogger("a").info("while-off");
        setup.apply(settings("INFO", Map.of(), "10MB"));
        context.getLogger("a").info("second");
        assertThat(logFile()).contains("first", "second").doesNotContain("while-off");
    }

    @Test
    void aConfiguredFolderTakesTheLinesFromThenOn() throws IOException {
        setup.apply(settings("INFO", Map.of(), "10MB"));
        context.getLogger("a").info("in-the-default-folder");
        Path configured = dir.resolve("sos-logs");
        // What the configuration component makes of file.directory (Butler SOS logDirectory), and of none.
        assertThat(LoggingConfigComponent.directory("  ", dir)).isEqualTo(dir);
        assertThat(LoggingConfigComponent.directory(configured.toString(), dir)).isEqualTo(configured);

        setup.apply(new LogSettings(LoggingConfigComponent.directory(configured.toString(), dir), "INFO", Map.of(), false,
                true, "10MB", 14, "1GB"));
        context.getLogger("a").info("in-the-configured-folder");

        assertThat(Files.readString(configured.resolve(LogSettings.FILE_NAME))).contains("in-the-configured-folder")
                .doesNotContain("in-the-default-folder");
        assertThat(logFile()).contains("in-the-default-folder").doesNotContain("in-the-configured-folder");
    }
}
