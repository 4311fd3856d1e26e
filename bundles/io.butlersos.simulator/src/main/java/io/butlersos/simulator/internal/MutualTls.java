package io.butlersos.simulator.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.butlersos.simulator.internal.pki.Pki;
import io.butlersos.simulator.internal.pki.QmcExport;

/**
 * TLS contexts from a QMC-style export: one side's certificate and key, and trust in only the export's
 * CA. The simulated nodes use the server certificate; the warm-up client uses the client certificate,
 * as the agent does.
 */
final class MutualTls {

    private MutualTls() {
    }

    /** The TLS side of a simulated node. */
    static SSLContext server(QmcExport.Export export) throws GeneralSecurityException {
        return context(export.server(), export);
    }

    /** A client as the agent is configured against this export. */
    static SSLContext client(QmcExport.Export export) throws GeneralSecurityException {
        return context(export.client(), export);
    }

    private static SSLContext context(Pki.Issued own, QmcExport.Export export) throws GeneralSecurityException {
        char[] none = new char[0];
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("own", own.privateKey(), none,
                    new Certificate[] {own.certificate(), export.ca().certificate()});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, none);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", export.ca().certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("could not build a key store from the simulator's certificates", e);
        }
    }
}
