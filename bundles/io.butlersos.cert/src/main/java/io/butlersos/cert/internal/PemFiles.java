package io.butlersos.cert.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import io.butlersos.api.tls.TlsUnavailableException;

/**
 * Reads the PEM files of a QMC export with Bouncy Castle. Every failure becomes one
 * {@link TlsUnavailableException} whose message is a sentence naming the file and the problem.
 * The provider is used as an instance and never installed in the JVM.
 */
final class PemFiles {

    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemFiles() {
    }

    /** Every certificate in the file, in order; at least one. */
    static List<X509Certificate> certificates(Path file, String role) throws TlsUnavailableException {
        List<Object> objects = objects(file, role);
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder));
                } catch (CertificateException e) {
                    throw new TlsUnavailableException(role + " file " + file + " holds a certificate that cannot be decoded ("
                            + e.getMessage() + ").", e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new TlsUnavailableException(role + " file " + file + " holds no certificate (it holds "
                    + describe(objects) + ").");
        }
        return certificates;
    }

    /** The one private key in the file, decrypted with the passphrase when it is encrypted. */
    static PrivateKey privateKey(Path file, char[] passphrase) throws TlsUnavailableException {
        String role = "Private key";
        for (Object o : objects(file, role)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
            try {
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassphrase(file, passphrase);
                    KeyPair pair = converter.getKeyPair(encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase)));
                    return pair.getPrivate();
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassphrase(file, passphrase);
                    return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase)));
                }
            } catch (TlsUnavailableException e) {
                throw e;
            } catch (Exception e) {
                // A wrong passphrase shows up as a padding error, a bad MAC, or garbage that does not parse.
                throw new TlsUnavailableException("The passphrase does not decrypt the private key in " + file
                        + " (wrong passphrase, or a damaged file).", e);
            }
        }
        throw new TlsUnavailableException("Private key file " + file + " holds no private key (it holds "
                + describe(objects(file, role)) + ").");
    }

    private static void requirePassphrase(Path file, char[] passphrase) throws TlsUnavailableException {
        if (passphrase == null || passphrase.length == 0) {
            throw new TlsUnavailableException("The private key in " + file
                    + " is encrypted, but no passphrase is configured (.client.cert.passphrase).");
        }
    }

    /** All PEM objects in the file; fails when the file is missing, unreadable or not PEM. */
    private static List<Object> objects(Path file, String role) throws TlsUnavailableException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new TlsUnavailableException(role + " file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new TlsUnavailableException(role + " file " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
        if (!text.contains("-----BEGIN ")) {
            throw new TlsUnavailableException(role + " file " + file
                    + " is not a PEM file (no '-----BEGIN' line; export the certificates from the QMC in PEM format).");
        }
        List<Object> objects = new ArrayList<>();
        try (Reader reader = new StringReader(text); PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new TlsUnavailableException(role + " file " + file + " is not valid PEM (" + e.getMessage() + ").", e);
        }
        if (objects.isEmpty()) {
            throw new TlsUnavailableException(role + " file " + file + " is not valid PEM (no readable block).");
        }
        return objects;
    }

    private static String describe(List<Object> objects) {
        List<String> kinds = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof X509CertificateHolder) {
                kinds.add("a certificate");
            } else if (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo || o instanceof PEMEncryptedKeyPair
                    || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                kinds.add("a private key");
            } else {
                kinds.add("a " + o.getClass().getSimpleName());
            }
        }
        return String.join(", ", kinds);
    }
}
