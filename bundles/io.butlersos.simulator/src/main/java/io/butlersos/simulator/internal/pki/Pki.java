package io.butlersos.simulator.internal.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A tiny certificate authority: makes RSA key pairs, CA, server and client certificates, and writes
 * them as PEM the way OpenSSL and the Qlik Sense QMC do. The Bouncy Castle provider is used as an
 * instance, never installed globally, so it does not change the JVM for anyone else.
 */
public final class Pki {

    /** A certificate with its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    /** How a private key is written. */
    public enum KeyFormat {
        /** {@code BEGIN RSA PRIVATE KEY}, as the QMC exports it. */
        PKCS1,
        /** {@code BEGIN PRIVATE KEY}. */
        PKCS8
    }

    static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pki() {
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key generator in this JVM", e);
        }
    }

    /** A self-signed CA certificate. */
    public static Issued newCa(String commonName, Instant notBefore, Instant notAfter) {
        KeyPair keys = rsaKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issued(sign(builder, keys.getPrivate()), keys);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not make a CA certificate", e);
        }
    }

    /**
     * A certificate signed by the CA.
     *
     * @param names subject alternative names: host names, or IP literals (which become IP entries)
     * @param server whether it may authenticate a TLS server
     * @param client whether it may authenticate a TLS client
     */
    public static Issued issue(Issued ca, String commonName, List<String> names, boolean server, boolean client,
            Instant notBefore, Instant notAfter) {
        KeyPair keys = rsaKeyPair();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + commonName), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(ca.certificate()));
            List<KeyPurposeId> purposes = new ArrayList<>();
            if (server) {
                purposes.add(KeyPurposeId.id_kp_serverAuth);
            }
            if (client) {
                purposes.add(KeyPurposeId.id_kp_clientAuth);
            }
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
            if (!names.isEmpty()) {
                GeneralName[] alt = names.stream()
                        .map(n -> new GeneralName(isIpLiteral(n) ? GeneralName.iPAddress : GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt));
            }
            return new Issued(sign(builder, ca.privateKey()), keys);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not issue a certificate for " + commonName, e);
        }
    }

    private static boolean isIpLiteral(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            var contentSigner = new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(signer);
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
    }

    /** The certificate as PEM. */
    public static String certificatePem(X509Certificate certificate) {
        try {
            return writePem(new JcaMiscPEMGenerator(certificate));
        } catch (IOException e) {
            throw new IllegalStateException("could not encode a certificate", e);
        }
    }

    /**
     * The private key as PEM.
     *
     * @param passphrase null or empty for a plain key; otherwise the key is encrypted, as OpenSSL's
     *        traditional {@code Proc-Type: 4,ENCRYPTED} (PKCS#1) or as {@code ENCRYPTED PRIVATE KEY} (PKCS#8)
     */
    public static String privateKeyPem(PrivateKey key, KeyFormat format, char[] passphrase) {
        boolean encrypt = passphrase != null && passphrase.length > 0;
        try {
            if (format == KeyFormat.PKCS1) {
                JcaMiscPEMGenerator generator = encrypt
                        ? new JcaMiscPEMGenerator(key,
                                new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build(passphrase))
                        : new JcaMiscPEMGenerator(key);
                return writePem(generator);
            }
            OutputEncryptor encryptor = encrypt
                    ? new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                            .setProvider(BC).setRandom(RANDOM).setPassword(passphrase).build()
                    : null;
            PemObject pem = new JcaPKCS8Generator(key, encryptor).generate();
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(pem);
            }
            return out.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("could not write a private key", e);
        }
    }

    private static String writePem(org.bouncycastle.util.io.pem.PemObjectGenerator generator) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(generator);
        } catch (IOException e) {
            throw new IllegalStateException("could not write PEM", e);
        }
        return out.toString();
    }
}
