package io.butlersos.cert.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import io.butlersos.api.tls.TlsOptions;

/** Builds an {@link SSLContext} from a loaded set for one combination of verification options. */
final class ContextFactory {

    private ContextFactory() {
    }

    static SSLContext create(LoadedSet set, boolean trustSystemCas, TlsOptions options) throws GeneralSecurityException {
        char[] none = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try {
            keys.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        keys.setKeyEntry("client", set.key(), none, set.clientChain().toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, none);

        X509ExtendedTrustManager trust;
        if (!options.verifyServer()) {
            trust = TrustManagers.trustingEveryone();
        } else {
            trust = TrustManagers.trusting(set.authorities(), trustSystemCas);
            if (!options.verifyHostname()) {
                trust = TrustManagers.withoutHostnameCheck(trust);
            }
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), new TrustManager[] {trust}, null);
        return context;
    }
}
