package io.butlersos.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.butlersos.simulator.SenseWorld;
import io.butlersos.simulator.internal.pki.QmcExport;

class SimulatedSiteTest {

    @TempDir
    static Path dir;
    static SimulatedSite site;
    static SimulatedNode node;

    @BeforeAll
    static void start() throws IOException {
        SenseWorld world = new SenseWorld(1, 10, 20, Duration.ofSeconds(1), Instant.now());
        site = SimulatedSite.create(dir.resolve("export"), List.of("localhost", "127.0.0.1"), null, world, 2,
                Clock.systemUTC());
        node = site.start(new SimulatedNode.Settings("n1", "127.0.0.1", 0, 0, 0, List.of("/", "/hdr"), "14.1"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static HttpClient client(boolean withClientCertificate) throws Exception {
        QmcExport.Export export = site.export();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", export.ca().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (withClientCertificate) {
            keys.setKeyEntry("client", export.client().privateKey(), new char[0],
                    new Certificate[] {export.client().certificate()});
        }
        kmf.init(keys, new char[0]);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(30)).build();
    }

    private static HttpResponse<String> get(HttpClient client, int port, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writesTheFiveFilesOfAQmcExport() {
        assertThat(dir.resolve("export")).isDirectoryContaining("glob:**/client.pem")
                .isDirectoryContaining("glob:**/client_key.pem").isDirectoryContaining("glob:**/root.pem")
                .isDirectoryContaining("glob:**/server.pem").isDirectoryContaining("glob:**/server_key.pem");
        assertThat(Files.isDirectory(dir.resolve("export.ca"))).isTrue();
    }

    @Test
    void engineAnswersTheHealthCheckInSensesShape() throws Exception {
        HttpResponse<String> response = get(client(true), node.enginePort(), "/engine/healthcheck");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"version\":\"14.1\",\"started\":\"")
                .contains("\"mem\":{\"committed\":", "\"apps\":{\"active_docs\":[", "\"cache\":{\"hits\":",
                        "\"saturated\":");
    }

    @Test
    void refusesAClientWithoutCertificate() {
        assertThatThrownBy(() -> get(client(false), node.enginePort(), "/engine/healthcheck"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void proxyServesConfiguredVirtualProxiesWithTheXrfKeyCheck() throws Exception {
        HttpClient client = client(true);
        String key = "abcdefghij987654";

        assertThat(get(client, node.proxyPort(), "/qps/session?Xrfkey=" + key, "X-Qlik-Xrfkey", key).statusCode())
                .isEqualTo(200);
        HttpResponse<String> hdr = get(client, node.proxyPort(), "/qps/hdr/session?Xrfkey=" + key, "X-Qlik-Xrfkey", key);
        assertThat(hdr.statusCode()).isEqualTo(200);
        assertThat(hdr.body()).startsWith("[");
        assertThat(get(client, node.proxyPort(), "/qps/nope/session?Xrfkey=" + key, "X-Qlik-Xrfkey", key).statusCode())
                .isEqualTo(404);
        assertThat(get(client, node.proxyPort(), "/qps/session?Xrfkey=" + key).statusCode()).isEqualTo(403);
    }

    @Test
    void repositoryListsAppsOnlyWithXrfKeyAndUserHeader() throws Exception {
        HttpClient client = client(true);
        String key = "0123456789abcdef";

        assertThat(get(client, node.repositoryPort(), "/qrs/app").statusCode()).isEqualTo(403);
        assertThat(get(client, node.repositoryPort(), "/qrs/app?xrfkey=" + key, "X-Qlik-Xrfkey", key).statusCode())
                .isEqualTo(403);
        HttpResponse<String> ok = get(client, node.repositoryPort(), "/qrs/app?xrfkey=" + key, "X-Qlik-Xrfkey", key,
                "X-Qlik-User", "UserDirectory=Internal; UserId=sa_repository");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"name\":\"Sales dashboard 1\"");
    }

    @Test
    void aStoppedNodeStopsAnswering() throws Exception {
        SimulatedNode other = site.start(new SimulatedNode.Settings("n2", "127.0.0.1", 0, 0, 0, List.of("/"), "14.1"));
        int port = other.enginePort();
        HttpClient client = client(true);
        assertThat(get(client, port, "/engine/healthcheck").statusCode()).isEqualTo(200);

        site.stop("n2");

        assertThatThrownBy(() -> get(client(true), port, "/engine/healthcheck")).isInstanceOf(IOException.class);
    }

    @Test
    void warmUpMakesEachRequestOverAFullMutualTlsConnectionToTheNodes() throws Exception {
        long before = site.nodes().stream().mapToLong(SimulatedNode::requests).sum();

        int failed = WarmUp.run(site, 6, 2);

        assertThat(failed).isZero();
        assertThat(site.nodes().stream().mapToLong(SimulatedNode::requests).sum() - before).isEqualTo(6);
    }

    @Test
    void virtualProxyPrefixesAreNormalised() {
        assertThat(SimulatedNode.prefixes(List.of("/", "/hdr/", "sales"))).containsExactly("", "hdr", "sales");
        assertThat(ProxyHandler.prefixOf("/qps/session")).isEmpty();
        assertThat(ProxyHandler.prefixOf("/qps/hdr/session")).isEqualTo("hdr");
        assertThat(ProxyHandler.prefixOf("/qps/a/b/session")).isNull();
    }
}
