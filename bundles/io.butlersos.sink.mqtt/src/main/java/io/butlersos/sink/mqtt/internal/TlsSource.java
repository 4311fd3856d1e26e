package io.butlersos.sink.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import io.butlersos.api.tls.TlsContextProvider;
import io.butlersos.api.tls.TlsOptions;
import io.butlersos.api.tls.TlsUnavailableException;

/**
 * Where the TLS context of ssl:// and wss:// connections comes from, read again on every connection
 * attempt so renewed certificates are used after the next reconnect: a certificate set of
 * {@code io.butlersos.cert} (client certificate and CA), else a CA file, else the JVM's CAs.
 */
interface TlsSource {

    SSLSocketFactory socketFactory() throws TlsUnavailableException;

    /** Changes when the certificate material was reloaded, so a connection made with the old one is renewed. */
    default long generation() {
        return 0;
    }

    /** The certificate set with this name; its provider does the hostname switch itself. */
    static TlsSource certificateSet(String name, Function<String, Optional<TlsContextProvider>> lookup,
            TlsOptions options) {
        return new TlsSource() {
            @Override
            public SSLSocketFactory socketFactory() throws TlsUnavailableException {
                TlsContextProvider provider = lookup.apply(name).orElseThrow(() -> new TlsUnavailableException(
                        "certificate set '" + name + "' is not available: configure io.butlersos.cert with name=" + name));
                return provider.sslContext(options).getSocketFactory();
            }

            @Override
            public long generation() {
                return lookup.apply(name).map(TlsContextProvider::generation).orElse(-1L);
            }
        };
    }

    /** Only the CAs of a PEM file are trusted, or any server when verification is off. */
    static TlsSource caFile(Path file, boolean verifyServer) {
        return () -> context(verifyServer ? trustFrom(file) : TrustEveryone.INSTANCE).getSocketFactory();
    }

    /** The JVM's CAs, or any server when verification is off. */
    static TlsSource jvmDefault(boolean verifyServer) {
        return () -> {
            if (verifyServer) {
                try {
                    return SSLContext.getDefault().getSocketFactory();
                } catch (GeneralSecurityException e) {
                    throw new TlsUnavailableException("the JVM has no default TLS context: " + e.getMessage(), e);
                }
            }
            return context(TrustEveryone.INSTANCE).getSocketFactory();
        };
    }

    private static SSLContext context(TrustManager trust) throws TlsUnavailableException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsUnavailableException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    private static TrustManager trustFrom(Path file) throws TlsUnavailableException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new TlsUnavailableException("ca.file " + file + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers()[0];
        } catch (IOException e) {
            throw new TlsUnavailableException("ca.file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            if (e instanceof TlsUnavailableException t) {
                throw t;
            }
            throw new TlsUnavailableException("ca.file " + file + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    /** Accepts any server: only for verify.server=false, which the component logs as a warning. */
    final class TrustEveryone extends X509ExtendedTrustManager {
        static final TrustEveryone INSTANCE = new TrustEveryone();

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
