package io.butlersos.sink.mqtt.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made at test time: a CA, a broker certificate for 127.0.0.1/localhost and a client certificate. */
final class TestPki {

    record Issued(X509Certificate certificate, KeyPair keys) {
    }

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    final Issued ca;
    final Issued server;
    final Issued client;

    /** @param serverNames the broker certificate's subject alternative names (IP literals or DNS names) */
    TestPki(String caName, List<String> serverNames) throws GeneralSecurityException {
        ca = issue(null, caName, List.of(), true, false, false);
        server = issue(ca, "broker", serverNames, false, true, false);
        client = issue(ca, "butler-sos-agent", List.of(), false, false, true);
    }

    /** Writes ca.pem, server.pem, server.key, client.pem and client.key into the folder. */
    TestPki writeTo(Path dir) throws IOException {
        Files.writeString(dir.resolve("ca.pem"), pem(ca.certificate()));
        Files.writeString(dir.resolve("server.pem"), pem(server.certificate()));
        Files.writeString(dir.resolve("server.key"), pkcs8(server.keys().getPrivate()));
        Files.writeString(dir.resolve("client.pem"), pem(client.certificate()));
        Files.writeString(dir.resolve("client.key"), pkcs8(client.keys().getPrivate()));
        return this;
    }

    /** A client context presenting the client certificate and trusting only this CA, as a certificate set would. */
    SSLContext clientContext() throws GeneralSecurityException, IOException {
        return context("client", client);
    }

    /** The broker side: presents the server certificate and trusts client certificates of this CA. */
    SSLContext serverContext() throws GeneralSecurityException, IOException {
        return context("server", server);
    }

    /** A context presenting {@code own} (with the CA in its chain) and trusting only this CA. */
    private SSLContext context(String alias, Issued own) throws GeneralSecurityException, IOException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(alias, own.keys().getPrivate(), new char[0], new Certificate[] {own.certificate(), ca.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static Issued issue(Issued issuer, String cn, List<String> names, boolean isCa, boolean server,
            boolean client) throws GeneralSecurityException {
        // EC keys: RSA key generation takes seconds on a busy machine.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), RANDOM);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + cn);
        X500Name issuerName = issuer == null ? subject
                : new X500Name(issuer.certificate().getSubjectX500Principal().getName());
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(2))), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            }
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.stream()
                        .map(n -> new GeneralName(n.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new)));
            }
            PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(signer)));
            return new Issued(certificate, keys);
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("could not issue " + cn, e);
        }
    }

    private static String pkcs8(PrivateKey key) throws IOException {
        return pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate());
    }

    private static String pem(Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(value);
        }
        return out.toString();
    }
}
