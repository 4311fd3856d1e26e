package io.butlersos.simulator.internal.pki;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Writes certificates in the exact shape of a Qlik Sense QMC export ("Include secret key", format PEM):
 * a folder with {@code client.pem}, {@code client_key.pem}, {@code root.pem}, {@code server.pem} and
 * {@code server_key.pem}; keys as {@code RSA PRIVATE KEY}, encrypted when a password was given.
 *
 * <p>The simulator's CA key is not part of a QMC export; it lives beside the export folder in
 * {@code <folder>.ca/root_key.pem}, so several simulated servers can share one CA.
 */
public final class QmcExport {

    public static final String CLIENT = "client.pem";
    public static final String CLIENT_KEY = "client_key.pem";
    public static final String ROOT = "root.pem";
    public static final String SERVER = "server.pem";
    public static final String SERVER_KEY = "server_key.pem";

    private static final Duration VALIDITY = Duration.ofDays(3650);

    private QmcExport() {
    }

    /** The export folder's files, as a client and the simulator's servers use them. */
    public record Export(Path folder, Pki.Issued ca, Pki.Issued client, Pki.Issued server) {
        public Path clientCert() {
            return folder.resolve(CLIENT);
        }

        public Path clientKey() {
            return folder.resolve(CLIENT_KEY);
        }

        public Path root() {
            return folder.resolve(ROOT);
        }
    }

    /**
     * Loads the export in the folder, or makes a new one (with a new CA unless one is stored beside it).
     * Safe when several simulated servers start at once in one JVM.
     *
     * @param serverNames host names and IPs the server certificate is valid for
     * @param passphrase null or empty for plain keys
     */
    public static synchronized Export loadOrCreate(Path folder, List<String> serverNames, char[] passphrase)
            throws IOException {
        Path caFolder = folder.resolveSibling(folder.getFileName() + ".ca");
        Path caKey = caFolder.resolve("root_key.pem");
        Path caCert = caFolder.resolve(ROOT);
        Instant now = Instant.now();
        Pki.Issued ca;
        if (Files.exists(caKey) && Files.exists(caCert)) {
            ca = new Pki.Issued(readCertificate(caCert), readKeyPair(caKey));
        } else {
            ca = Pki.newCa("Butler SOS simulator CA", now.minus(Duration.ofDays(1)), now.plus(VALIDITY));
            Files.createDirectories(caFolder);
            write(caCert, Pki.certificatePem(ca.certificate()));
            write(caKey, Pki.privateKeyPem(ca.privateKey(), Pki.KeyFormat.PKCS1, null));
        }
        if (Files.exists(folder.resolve(SERVER)) && Files.exists(folder.resolve(SERVER_KEY))
                && Files.exists(folder.resolve(CLIENT)) && Files.exists(folder.resolve(ROOT))) {
            X509Certificate root = readCertificate(folder.resolve(ROOT));
            if (root.equals(ca.certificate())) {
                return new Export(folder, ca, null,
                        new Pki.Issued(readCertificate(folder.resolve(SERVER)), readKeyPair(folder.resolve(SERVER_KEY))));
            }
        }
        return write(folder, ca, serverNames, passphrase);
    }

    /** Makes a fresh client and server certificate signed by the CA and writes the five files. */
    public static Export write(Path folder, Pki.Issued ca, List<String> serverNames, char[] passphrase)
            throws IOException {
        Instant now = Instant.now();
        Pki.Issued client = Pki.issue(ca, "QlikClient", List.of(), false, true,
                now.minus(Duration.ofDays(1)), now.plus(VALIDITY));
        Pki.Issued server = Pki.issue(ca, serverNames.isEmpty() ? "localhost" : serverNames.get(0), serverNames,
                true, true, now.minus(Duration.ofDays(1)), now.plus(VALIDITY));
        Files.createDirectories(folder);
        write(folder.resolve(ROOT), Pki.certificatePem(ca.certificate()));
        write(folder.resolve(CLIENT), Pki.certificatePem(client.certificate()));
        write(folder.resolve(CLIENT_KEY), Pki.privateKeyPem(client.privateKey(), Pki.KeyFormat.PKCS1, passphrase));
        write(folder.resolve(SERVER), Pki.certificatePem(server.certificate()));
        // The simulator reads its own server key back, so it stays unencrypted.
        write(folder.resolve(SERVER_KEY), Pki.privateKeyPem(server.privateKey(), Pki.KeyFormat.PKCS1, null));
        return new Export(folder, ca, client, server);
    }

    /** Writes atomically, so a watcher never reads half a file. */
    public static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static X509Certificate readCertificate(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object o = parser.readObject();
            if (!(o instanceof X509CertificateHolder holder)) {
                throw new IOException(file + " holds no certificate");
            }
            return new JcaX509CertificateConverter().setProvider(Pki.BC).getCertificate(holder);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static KeyPair readKeyPair(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object o = parser.readObject();
            if (!(o instanceof PEMKeyPair pair)) {
                throw new IOException(file + " holds no plain RSA key pair");
            }
            return new JcaPEMKeyConverter().setProvider(Pki.BC).getKeyPair(pair);
        }
    }
}
