package io.butlersos.cert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.butlersos.api.fixtures.MutableClock;
import io.butlersos.api.tls.TlsOptions;
import io.butlersos.api.tls.TlsUnavailableException;
import io.butlersos.simulator.internal.pki.Pki;
import io.butlersos.simulator.internal.pki.QmcExport;

/** Every way a certificate set can be bad, with files made at test time. */
class CertificateSetTest {

    private static final Instant NOW = Instant.now();
    private static final char[] PASSPHRASE = "s3cret-export".toCharArray();

    @TempDir
    static Path dir;
    static Pki.Issued ca;
    static Pki.Issued client;
    static Path caFile;
    static Path certFile;

    @BeforeAll
    static void makeCa() throws Exception {
        ca = Pki.newCa("Test CA", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        client = Pki.issue(ca, "QlikClient", List.of(), false, true, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)));
        caFile = write("root.pem", Pki.certificatePem(ca.certificate()));
        certFile = write("client.pem", Pki.certificatePem(client.certificate()));
    }

    private static Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Path key(String name, Pki.KeyFormat format, char[] passphrase) throws Exception {
        return write(name, Pki.privateKeyPem(client.privateKey(), format, passphrase));
    }

    private static CertificateSet set(Path cert, Path key, Path root, char[] passphrase) {
        return new CertificateSet("test", new LoadedSet.Files(cert, key, root, passphrase), false,
                Duration.ofDays(30), Clock.systemUTC());
    }

    private static String problemOf(CertificateSet set) {
        assertThatThrownBy(() -> set.sslContext(TlsOptions.STRICT)).isInstanceOf(TlsUnavailableException.class)
                .hasMessage(set.problem().orElseThrow());
        return set.problem().orElseThrow();
    }

    @Test
    void loadsPlainPkcs1AndPkcs8Keys() throws Exception {
        for (Pki.KeyFormat format : Pki.KeyFormat.values()) {
            CertificateSet set = set(certFile, key("plain-" + format + ".pem", format, null), caFile, new char[0]);

            assertThat(set.problem()).isEmpty();
            assertThat(set.sslContext(TlsOptions.STRICT)).isNotNull();
            assertThat(set.clientCertificate().orElseThrow().subject()).isEqualTo("CN=QlikClient");
        }
    }

    @Test
    void loadsEncryptedPkcs1AndPkcs8KeysWithTheExportPassphrase() throws Exception {
        for (Pki.KeyFormat format : Pki.KeyFormat.values()) {
            Path key = key("enc-" + format + ".pem", format, PASSPHRASE);
            assertThat(Files.readString(key)).contains("ENCRYPTED");

            CertificateSet set = set(certFile, key, caFile, PASSPHRASE);

            assertThat(set.problem()).isEmpty();
            assertThat(set.sslContext(new TlsOptions(true, false))).isNotNull();
        }
    }

    @Test
    void wrongPassphraseNamesTheKeyFile() throws Exception {
        for (Pki.KeyFormat format : Pki.KeyFormat.values()) {
            Path key = key("wrongpass-" + format + ".pem", format, PASSPHRASE);

            assertThat(problemOf(set(certFile, key, caFile, "not-it".toCharArray())))
                    .isEqualTo("The passphrase does not decrypt the private key in " + key
                            + " (wrong passphrase, or a damaged file).");
        }
    }

    @Test
    void encryptedKeyWithoutPassphraseSaysSo() throws Exception {
        Path key = key("nopass.pem", Pki.KeyFormat.PKCS1, PASSPHRASE);

        assertThat(problemOf(set(certFile, key, caFile, new char[0])))
                .contains(key.toString(), "is encrypted, but no passphrase is configured");
    }

    @Test
    void keyOfAnotherCertificateDoesNotMatch() throws Exception {
        Pki.Issued other = Pki.issue(ca, "Other", List.of(), false, true, NOW.minusSeconds(60), NOW.plusSeconds(3600));
        Path key = write("other_key.pem", Pki.privateKeyPem(other.privateKey(), Pki.KeyFormat.PKCS1, null));

        assertThat(problemOf(set(certFile, key, caFile, null)))
                .isEqualTo("The private key in " + key + " does not match the certificate in " + certFile + ".");
    }

    @Test
    void aFileThatIsNotPemIsNamed() throws Exception {
        Path der = dir.resolve("client.der");
        Files.write(der, client.certificate().getEncoded());

        assertThat(problemOf(set(der, key("k1.pem", Pki.KeyFormat.PKCS1, null), caFile, null)))
                .startsWith("Client certificate file " + der + " is not a PEM file");
    }

    @Test
    void aKeyWhereTheCertificateShouldBeIsNamed() throws Exception {
        Path key = key("k2.pem", Pki.KeyFormat.PKCS1, null);

        assertThat(problemOf(set(key, key, caFile, null)))
                .isEqualTo("Client certificate file " + key + " holds no certificate (it holds a private key).");
    }

    @Test
    void expiredClientCertificateIsRefusedWithItsDate() throws Exception {
        Pki.Issued old = Pki.issue(ca, "Old", List.of(), false, true, NOW.minus(Duration.ofDays(40)),
                NOW.minus(Duration.ofDays(10)));
        Path cert = write("old.pem", Pki.certificatePem(old.certificate()));
        Path key = write("old_key.pem", Pki.privateKeyPem(old.privateKey(), Pki.KeyFormat.PKCS1, null));

        assertThat(problemOf(set(cert, key, caFile, null)))
                .startsWith("The client certificate in " + cert + " (CN=Old) expired on ")
                .endsWith("; export a new one from the QMC.");
    }

    @Test
    void missingOrUnconfiguredCaIsNamed() throws Exception {
        Path key = key("k3.pem", Pki.KeyFormat.PKCS1, null);
        Path missing = dir.resolve("nowhere/root.pem");

        assertThat(problemOf(set(certFile, key, missing, null))).isEqualTo("CA file " + missing + " does not exist.");
        assertThat(problemOf(set(certFile, key, null, null))).startsWith("No CA file is configured (client.cert.ca)");
    }

    @Test
    void warnsWhenTheCertificateExpiresSoonButOnlyOnceADay() throws Exception {
        Pki.Issued soon = Pki.issue(ca, "Soon", List.of(), false, true, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(5)));
        Path cert = write("soon.pem", Pki.certificatePem(soon.certificate()));
        Path key = write("soon_key.pem", Pki.privateKeyPem(soon.privateKey(), Pki.KeyFormat.PKCS1, null));
        MutableClock clock = new MutableClock(NOW);
        CertificateSet set = new CertificateSet("soon", new LoadedSet.Files(cert, key, caFile, null), false,
                Duration.ofDays(30), clock);

        assertThat(set.checkExpiry()).as("already warned at load").isFalse();
        clock.set(NOW.plus(Duration.ofHours(25)));
        assertThat(set.checkExpiry()).isTrue();
        assertThat(set.checkExpiry()).isFalse();
    }

    @Test
    void reloadsWhenTheFilesChange() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("rotating"));
        QmcExport.Export first = QmcExport.write(folder, ca, List.of("localhost"), null);
        CertificateSet set = set(first.clientCert(), first.clientKey(), first.root(), null);
        long generation = set.generation();
        String serialBefore = first.client().certificate().getSerialNumber().toString();

        assertThat(set.refresh()).isFalse();
        Thread.sleep(20); // a new modification time, even on file systems with coarse clocks
        QmcExport.Export second = QmcExport.write(folder, ca, List.of("localhost"), null);

        assertThat(set.refresh()).isTrue();
        assertThat(set.generation()).isGreaterThan(generation);
        assertThat(set.problem()).isEmpty();
        assertThat(second.client().certificate().getSerialNumber().toString()).isNotEqualTo(serialBefore);
    }
}
