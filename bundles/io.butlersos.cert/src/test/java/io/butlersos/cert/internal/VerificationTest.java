package io.butlersos.cert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.butlersos.api.tls.TlsOptions;
import io.butlersos.simulator.SenseWorld;
import io.butlersos.simulator.internal.SimulatedNode;
import io.butlersos.simulator.internal.SimulatedSite;

/**
 * Real handshakes against the simulator, whose server certificate names only {@code localhost}:
 * calling it as 127.0.0.1 shows what each verification switch does.
 */
class VerificationTest {

    @TempDir
    static Path dir;
    static SimulatedSite site;
    static SimulatedSite otherSite;
    static SimulatedNode node;

    @BeforeAll
    static void start() throws Exception {
        SenseWorld world = new SenseWorld(1, 5, 5, Duration.ofSeconds(1), Instant.now());
        site = SimulatedSite.create(dir.resolve("export"), List.of("localhost"), "pw".toCharArray(), world, 2,
                Clock.systemUTC());
        node = site.start(new SimulatedNode.Settings("n1", "127.0.0.1", 0, 0, 0, List.of("/"), "14"));
        otherSite = SimulatedSite.create(dir.resolve("other"), List.of("localhost", "127.0.0.1"), null, world, 1,
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        site.close();
        otherSite.close();
    }

    private static CertificateSet exportSet(SimulatedSite s, char[] passphrase) {
        var e = s.export();
        return new CertificateSet("t", new LoadedSet.Files(e.clientCert(), e.clientKey(), e.root(), passphrase),
                false, Duration.ofDays(30), Clock.systemUTC());
    }

    private static int get(SSLContext ssl, String host) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(30)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://" + host + ":" + node.enginePort()
                + "/engine/healthcheck")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void strictVerificationAcceptsTheRightHostName() throws Exception {
        assertThat(get(exportSet(site, "pw".toCharArray()).sslContext(TlsOptions.STRICT), "localhost")).isEqualTo(200);
    }

    @Test
    void hostnameVerificationRefusesAHostTheCertificateDoesNotName() throws Exception {
        CertificateSet set = exportSet(site, "pw".toCharArray());

        assertThatThrownBy(() -> get(set.sslContext(TlsOptions.STRICT), "127.0.0.1"))
                .hasRootCauseInstanceOf(java.security.cert.CertificateException.class);
        assertThat(get(set.sslContext(new TlsOptions(true, false)), "127.0.0.1")).isEqualTo(200);
    }

    @Test
    void serverVerificationRefusesAServerOfAnotherCaUnlessSwitchedOff() throws Exception {
        // The other export's client is unknown to the node too, so only the switch for our side is tested:
        // the node's CA is not in the other set, so our side refuses first.
        CertificateSet foreign = exportSet(otherSite, null);

        assertThatThrownBy(() -> get(foreign.sslContext(new TlsOptions(true, false)), "localhost"))
                .isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> get(foreign.sslContext(new TlsOptions(false, false)), "localhost"))
                .as("with verification off the node still refuses our unknown client certificate")
                .isInstanceOf(java.io.IOException.class);
    }
}
