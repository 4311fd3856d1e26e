package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.butlersos.api.sink.SinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https with a CA the operator names in ca.file, against a TLS server with certificates made at test time. */
class InfluxSinkHttpsTest {

    private static TestCertificates certificates;
    private static FakeInfluxServer server;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create();
        server = FakeInfluxServer.https(2, certificates.serverContext);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static InfluxSink sink(String caFile) {
        return new InfluxSink(Configs.influx("version", 2, "url", server.url(), "org", "myorg", "bucket", "mybucket",
                "_token", FakeInfluxServer.TOKEN, "ca_file", caFile), () -> null, "agent1");
    }

    @Test
    void trustsTheServerSignedByTheConfiguredCa(@TempDir Path folder) throws Exception {
        assertThat(server.url()).startsWith("https://");
        InfluxSink sink = sink(certificates.writeCaPem(folder).toString());
        try {
            sink.write(AllSignals.batch());
        } finally {
            sink.close();
        }
        assertThat(server.stored).hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    void refusesItWithoutTheCaAndSaysWhereToLook() {
        InfluxSink sink = sink("");
        try {
            assertThatThrownBy(() -> sink.write(AllSignals.batch())).isInstanceOfSatisfying(SinkException.class, e -> {
                assertThat(e.isRetriable()).isTrue();
                assertThat(e.getMessage()).contains("TLS: check url and ca.file");
            });
        } finally {
            sink.close();
        }
    }

    @Test
    void aCaFileThatIsNotPemIsRefusedByName(@TempDir Path folder) throws Exception {
        Path bad = Files.writeString(folder.resolve("bad.pem"), "not a certificate");
        assertThatThrownBy(() -> sink(bad.toString())).hasMessageContaining("ca.file " + bad);
        assertThatThrownBy(() -> sink(folder.resolve("missing.pem").toString())).hasMessageContaining("cannot be read");
    }
}
