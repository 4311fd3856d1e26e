package io.butlersos.cert.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import io.butlersos.api.tls.CertificateInfo;
import io.butlersos.api.tls.TlsUnavailableException;

/**
 * The checked contents of one certificate set: the client chain, its key and the CAs.
 *
 * @param clientChain the client certificate first, then any further certificates in client.pem
 * @param key the client's private key
 * @param authorities the certificates in root.pem; empty when no CA file is configured
 */
public record LoadedSet(List<X509Certificate> clientChain, PrivateKey key, List<X509Certificate> authorities,
        CertificateInfo client, List<CertificateInfo> authorityInfo) {

    /** The files of a set and its passphrase. */
    public record Files(Path clientCert, Path clientKey, Path ca, char[] passphrase) {
    }

    /**
     * Reads and checks a set.
     *
     * @param requireCa whether a CA file must be there (it may be left out only when the system CAs are trusted)
     */
    static LoadedSet load(Files files, boolean requireCa, Instant now) throws TlsUnavailableException {
        if (files.clientCert() == null) {
            throw new TlsUnavailableException("No client certificate file is configured (client.cert).");
        }
        if (files.clientKey() == null) {
            throw new TlsUnavailableException("No private key file is configured (client.cert.key).");
        }
        List<X509Certificate> chain = PemFiles.certificates(files.clientCert(), "Client certificate");
        X509Certificate client = chain.get(0);
        checkValidity(client, "client certificate", files.clientCert(), now);
        PrivateKey key = PemFiles.privateKey(files.clientKey(), files.passphrase());
        if (!matches(key, client.getPublicKey())) {
            throw new TlsUnavailableException("The private key in " + files.clientKey()
                    + " does not match the certificate in " + files.clientCert() + ".");
        }
        List<X509Certificate> authorities = List.of();
        if (files.ca() == null) {
            if (requireCa) {
                throw new TlsUnavailableException("No CA file is configured (client.cert.ca), so the Sense servers"
                        + " cannot be verified; configure root.pem from the QMC export.");
            }
        } else {
            authorities = PemFiles.certificates(files.ca(), "CA");
            for (X509Certificate ca : authorities) {
                checkValidity(ca, "CA certificate", files.ca(), now);
            }
        }
        return new LoadedSet(List.copyOf(chain), key, authorities, info(files.clientCert(), client),
                authorities.stream().map(c -> info(files.ca(), c)).toList());
    }

    private static void checkValidity(X509Certificate certificate, String role, Path file, Instant now)
            throws TlsUnavailableException {
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        String subject = certificate.getSubjectX500Principal().getName();
        if (now.isAfter(notAfter)) {
            throw new TlsUnavailableException("The " + role + " in " + file + " (" + subject + ") expired on "
                    + notAfter + "; export a new one from the QMC.");
        }
        if (now.isBefore(notBefore)) {
            throw new TlsUnavailableException("The " + role + " in " + file + " (" + subject
                    + ") is not valid before " + notBefore + "; check the clock of this machine.");
        }
    }

    /** Whether the key belongs to the certificate: sign with one, verify with the other. */
    static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return true; // an algorithm we cannot test: let the TLS handshake tell
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static CertificateInfo info(Path file, X509Certificate certificate) {
        return new CertificateInfo(file.toString(), certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant());
    }
}
