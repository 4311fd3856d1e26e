package io.butlersos.api.tls;

import java.time.Instant;

/**
 * The facts people need about a certificate in use.
 *
 * @param file where it was read from
 * @param subject its subject distinguished name
 * @param issuer its issuer distinguished name
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record CertificateInfo(String file, String subject, String issuer, Instant notBefore, Instant notAfter) {
}
