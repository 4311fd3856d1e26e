package io.butlersos.itest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.butlersos.itest.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** Authentication, TLS and the masked configuration view of the web endpoints, inside Felix. */
@ExtendWith(ServiceExtension.class)
class WebSecurityIT {

    /** Jetty restarts on every change of address; on a busy machine that takes several seconds. */
    static final Duration JETTY = Duration.ofSeconds(60);

    private static final String PASSWORD = "correct horse battery staple";

    @InjectService
    ConfigurationAdmin admin;

    private Configuration web;
    private Configuration other;
    private int port;
    private Path dir;

    @BeforeEach
    void setUp() throws Exception {
        WebJetty.awaitGone(admin);
        port = WebClient.freePort();
        web = admin.getConfiguration("io.butlersos.web", "?");
        dir = Files.createTempDirectory("itest-web");
    }

    @AfterEach
    void tearDown() throws IOException {
        web.delete();
        if (other != null) {
            other.delete();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static long refusedCount(WebClient.Answer status) {
        Matcher m = Pattern.compile("\"authRefused\":(\\d+)").matcher(status.body());
        assertTrue(m.find(), status.body());
        return Long.parseLong(m.group(1));
    }

    @Test
    void basicAuthenticationGuardsEveryEndpointAndTheConfigViewMasksSecrets() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("auth", "basic");
        props.put("auth.user", "ops");
        props.put(".auth.password", PASSWORD);
        web.update(props);
        other = admin.getFactoryConfiguration("io.butlersos.sink.file", "itest-masked", "?");
        Hashtable<String, Object> sinkProps = new Hashtable<>();
        sinkProps.put("folder", dir.toString());
        sinkProps.put("api.token", "token-that-must-not-show");
        other.update(sinkProps);
        WebClient client = WebClient.plain(port);
        String good = basic("ops", PASSWORD);
        // The new settings are in force once a request without credentials is refused and one with them served.
        WebClient.Answer[] last = new WebClient.Answer[2];
        Await.until("the endpoints to ask for credentials", JETTY, () -> {
            last[0] = client.get("/health");
            last[1] = client.get("/health", good);
            return last[0] != null && last[0].status() == 401 && last[1] != null && last[1].status() == 200;
        }, () -> "without credentials " + last[0] + ", with them " + last[1]);

        long refusedBefore = refusedCount(client.get("/api/status", good));
        for (String path : List.of("/health", "/ready", "/api/status", "/api/config", "/")) {
            WebClient.Answer none = client.get(path);
            assertEquals(401, none.status(), path + " without credentials");
            assertTrue(none.header().startsWith("Basic realm="), none.header());
            assertEquals(401, client.get(path, basic("ops", "wrong")).status(), path + " with a wrong password");
            assertEquals(401, client.get(path, basic("root", PASSWORD)).status(), path + " with a wrong user");
        }
        assertEquals(200, client.get("/", good).status());

        WebClient.Answer config = client.get("/api/config", good);
        assertEquals(200, config.status());
        assertTrue(config.body().contains("\"metatype\":true"), config.body());
        assertTrue(config.body().contains("\"pid\":\"io.butlersos.web\""), config.body());
        assertTrue(config.body().contains("\".auth.password\":\"********\""), config.body());
        assertTrue(config.body().contains("\"api.token\":\"********\""), config.body());
        assertTrue(config.body().contains("\"auth.user\":\"ops\""), config.body());
        assertFalse(config.body().contains(PASSWORD), "the password never leaves the agent");
        assertFalse(config.body().contains("token-that-must-not-show"), "the token never leaves the agent");

        assertEquals(refusedBefore + 15, refusedCount(client.get("/api/status", good)), "each refusal is counted");
    }

    @Test
    void bearerTokenAndOpenProbes() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("auth", "bearer");
        props.put(".auth.token", "a-long-enough-bearer-token");
        props.put("probes.public", true);
        web.update(props);
        WebClient client = WebClient.plain(port);
        Await.until("the endpoints to ask for a token", JETTY, () -> {
            WebClient.Answer a = client.get("/api/status");
            return a != null && a.status() == 401;
        });
        assertEquals(200, client.get("/health").status(), "the liveness probe is open");
        assertTrue(client.get("/ready").status() != 401, "the readiness probe is open");
        assertEquals(401, client.get("/api/status").status());
        assertTrue(client.get("/api/status").header().startsWith("Bearer realm="));
        // Not a case-only difference: Jetty's per-connection header cache matches header values without case.
        assertEquals(401, client.get("/api/status", "Bearer a-long-enough-bearer-tokex").status());
        assertEquals(200, client.get("/api/status", "Bearer a-long-enough-bearer-token").status());
    }

    @Test
    void anOpenHostWithoutAuthenticationIsRefusedAndNothingListens() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        web.update(props);
        WebClient first = WebClient.plain(port);
        WebClient.Answer[] last = new WebClient.Answer[1];
        Await.until("the loopback configuration to be served", JETTY, () -> {
            last[0] = first.get("/health");
            return last[0] != null && last[0].status() == 200;
        }, () -> last[0]);

        int openPort = WebClient.freePort();
        props.put("port", openPort);
        props.put("host", "0.0.0.0");
        web.update(props);
        // The refusal stops the server: the old address goes quiet and no Jetty configuration is left.
        Await.until("the refused configuration to stop the server", JETTY, () -> first.get("/health") == null);
        Configuration[] jetty = admin.listConfigurations("(org.apache.felix.http.name=butlersos-web)");
        assertNull(jetty, "no Jetty configuration for the web endpoints is left");
        assertNull(WebClient.plain(openPort).get("/health"), "nothing listens for the refused configuration");
    }

    @Test
    void tlsServesHttpsWithTheConfiguredKeyStore() throws Exception {
        Path keystore = dir.resolve("web.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "web", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "itest-store-pw", "-keypass", "itest-store-pw").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + output);

        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        props.put("tls.enabled", true);
        props.put("tls.keystore", keystore.toString());
        props.put(".tls.keystore.password", "itest-store-pw");
        web.update(props);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, "itest-store-pw".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        WebClient https = new WebClient(java.net.http.HttpClient.newBuilder().sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(2)).build(), "https://127.0.0.1:" + port);
        Await.until("the endpoints to answer over HTTPS", JETTY, () -> {
            WebClient.Answer a = https.get("/health");
            return a != null && a.status() == 200;
        });
        assertTrue(https.get("/health").body().contains("\"status\":\"UP\""));
        WebClient.Answer plain = WebClient.plain(port).get("/health");
        assertTrue(plain == null || plain.status() == 400, "plain HTTP is not served on the TLS port");
    }
}
