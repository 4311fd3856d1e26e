package io.butlersos.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashDumpWriterTest {

    @TempDir
    Path dir;

    /** Facts as a running agent would report them: a Sense server with a passphrase, a sink with a token. */
    static final RuntimeFacts FACTS = new RuntimeFacts() {
        @Override
        public List<String> bundles() {
            return List.of("   0 ACTIVE      org.apache.felix.framework 7.0.5");
        }

        @Override
        public List<Configuration> configurations() {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("host", "sense1.lab");
            server.put("cert.client.key.pass", "hunter2"); // PASSWORD per Metatype, name does not say so
            server.put("headers", new String[] {"X-Qlik-User: UserDirectory=INTERNAL; UserId=sa_repository"});
            Map<String, Object> sink = new LinkedHashMap<>();
            sink.put("url", "https://user:s3cret@influx.lab:8086/write");
            sink.put("_token", "abc123");
            sink.put("api.key", "k-999");
            return List.of(new Configuration("io.butlersos.sense.server~sense1", "io.butlersos.sense.server", server),
                    new Configuration("io.butlersos.sink.influxdb~main", "io.butlersos.sink.influxdb", sink));
        }

        @Override
        public Map<String, Set<String>> passwordAttributes() {
            return Map.of("io.butlersos.sense.server", Set.of("cert.client.key.pass"));
        }
    };

    @Test
    void aDumpHoldsTheExceptionBundlesConfigurationsAndThreadsWithSecretsMasked() throws Exception {
        CrashDumpWriter writer = new CrashDumpWriter(dir, Clock.fixed(Instant.parse("2026-11-29T01:02:03.456Z"), ZoneOffset.UTC));
        Path file = writer.write("uncaught exception in thread \"poller\"",
                new IllegalStateException("connect failed, password=opensesame"), FACTS);

        assertThat(file.getFileName().toString()).isEqualTo("crash-20261129-010203-456.txt");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        String dump = Files.readString(file);
        assertThat(dump)
                .contains("reason:  uncaught exception in thread \"poller\"")
                .contains("java.lang.IllegalStateException: connect failed, password=********")
                .contains("org.apache.felix.framework 7.0.5")
                .contains("[io.butlersos.sense.server~sense1] factory io.butlersos.sense.server")
                .contains("host = sense1.lab")
                .contains("cert.client.key.pass = ********")
                .contains("_token = ********")
                .contains("api.key = ********")
                .contains("url = https://user:********@influx.lab:8086/write")
                .contains("== Threads ==")
                .contains("\"main\"")
                .doesNotContain("hunter2", "abc123", "k-999", "s3cret", "opensesame");
    }

    @Test
    void systemPropertiesThatLookSecretAreMasked() throws Exception {
        System.setProperty("butlersos.test.secret", "do-not-print");
        try {
            Path file = new CrashDumpWriter(dir, Clock.systemUTC()).write("test", null, RuntimeFacts.NONE);
            assertThat(Files.readString(file)).contains("butlersos.test.secret = ********").doesNotContain("do-not-print");
        } finally {
            System.clearProperty("butlersos.test.secret");
        }
    }

    @Test
    void aThreadDyingInALoopWritesOneDumpPerGapAndOldDumpsArePruned() throws Exception {
        MutableClock clock = new MutableClock();
        CrashDumpWriter writer = new CrashDumpWriter(dir, clock);
        assertThat(writer.write("first", null, RuntimeFacts.NONE)).isNotNull();
        assertThat(writer.write("again at once", null, RuntimeFacts.NONE)).isNull();
        for (int i = 0; i < CrashDumpWriter.KEEP + 5; i++) {
            clock.now += CrashDumpWriter.MIN_GAP_MS;
            assertThat(writer.write("dump " + i, null, RuntimeFacts.NONE)).isNotNull();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(CrashDumpWriter.KEEP);
        }
    }

    @Test
    void secretKeysAreRecognisedByName() {
        assertThat(Redactor.isSecretKey("password")).isTrue();
        assertThat(Redactor.isSecretKey("cert.client.cert.passphrase")).isTrue();
        assertThat(Redactor.isSecretKey("_token")).isTrue();
        assertThat(Redactor.isSecretKey("mqtt.key")).isTrue();
        assertThat(Redactor.isSecretKey("newrelic.api_key")).isTrue();
        assertThat(Redactor.isSecretKey("host")).isFalse();
        assertThat(Redactor.isSecretKey("keep.alive.s")).isFalse();
        assertThat(Redactor.isSecretKey("monkey.count")).isFalse();
    }

    static final class MutableClock extends Clock {
        long now = 1_000_000;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }
}
