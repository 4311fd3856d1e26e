package io.butlersos.sink.influxdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.butlersos.api.sink.SinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v1 writer against a real InfluxDB 1.x with authentication on and an admin the test created. */
class InfluxSinkV1AuthRealServerTest {

    @RegisterExtension
    static final Influxd INFLUXD = Influxd.withAuth();

    private final List<InfluxSink> sinks = new ArrayList<>();

    @AfterEach
    void close() {
        sinks.forEach(InfluxSink::close);
    }

    private InfluxSink sink(String database, String user, String password, Object... more) {
        Object[] base = {"version", 1, "url", INFLUXD.url(), "database", database, "username", user,
            "_password", password};
        InfluxSink sink = new InfluxSink(Configs.influx(base, more), () -> null, "agent1");
        sinks.add(sink);
        return sink;
    }

    private static List<io.butlersos.api.Signal> oneCount() {
        return List.of(new TestSignals.EventCount(Instant.now().truncatedTo(ChronoUnit.MILLIS), "a", "x", 1));
    }

    @Test
    void anAdminCreatesTheDatabaseAndWrites() throws Exception {
        sink("secured", Influxd.ADMIN, Influxd.ADMIN_PASSWORD).write(oneCount());
        assertThat(INFLUXD.rows("secured", "SELECT * FROM event_count")).hasSize(1);
        assertThat(INFLUXD.rows(null, "SHOW RETENTION POLICIES ON secured")).extracting(r -> r.get("name"))
                .contains("10d");
    }

    @Test
    void aWrongPasswordNamesTheKeysAndNeverThePassword() {
        InfluxSink sink = sink("secured2", Influxd.ADMIN, "wrong-password");
        assertThatThrownBy(() -> sink.write(oneCount())).isInstanceOfSatisfying(SinkException.class, e -> {
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.getMessage()).contains("refused the credentials").contains("HTTP 401")
                    .contains("username and .password (user 'admin')").doesNotContain("wrong-password");
        });
    }

    @Test
    void noCredentialsAgainstAServerThatWantsThemSaysSo() {
        InfluxSink sink = sink("secured3", "", "");
        assertThatThrownBy(() -> sink.write(oneCount())).isInstanceOfSatisfying(SinkException.class,
                e -> assertThat(e.getMessage()).contains("none set, but the server requires them"));
    }

    @Test
    void aWriterWithoutAdminRightsWritesToADatabaseThatExists() throws Exception {
        INFLUXD.query(null, "CREATE DATABASE shared");
        INFLUXD.query(null, "CREATE USER writer WITH PASSWORD 'writer-Pa55'");
        INFLUXD.query(null, "GRANT WRITE ON shared TO writer");

        sink("shared", "writer", "writer-Pa55", "retention_policy", "").write(oneCount());

        assertThat(INFLUXD.rows("shared", "SELECT * FROM event_count")).hasSize(1);
    }
}
