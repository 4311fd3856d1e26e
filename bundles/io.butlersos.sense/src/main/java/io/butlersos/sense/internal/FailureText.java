package io.butlersos.sense.internal;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.butlersos.api.tls.TlsUnavailableException;

/** Says in words people act on why a request failed. */
final class FailureText {

    private FailureText() {
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static String describe(Throwable failure, String host, long timeoutMs) {
        Throwable t = unwrap(failure);
        if (t instanceof TlsUnavailableException) {
            return t.getMessage();
        }
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return "no answer within " + timeoutMs + " ms";
        }
        if (t instanceof ConnectException) {
            return "connection refused (is the service running and the port open?)";
        }
        if (t instanceof UnknownHostException) {
            return "host name " + host + " is unknown";
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return tls(c, host);
            }
        }
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof ClosedChannelException || message.contains("closed") || message.contains("received no bytes")) {
            // With TLS 1.3 a server that refuses the client certificate says so only after the handshake:
            // the client sees the connection close before any answer.
            return "the server closed the connection without answering (does it accept our client certificate?"
                    + " it must come from this Sense site's QMC export)";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String tls(Throwable e, String host) {
        String m = String.valueOf(e.getMessage());
        String root = m;
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            root = String.valueOf(c.getMessage());
        }
        if (m.contains("PKIX") || root.contains("PKIX") || root.contains("unable to find valid certification path")) {
            return "TLS handshake failed: the server's certificate is not signed by a trusted CA (check root.pem of the certificate set)";
        }
        if (m.contains("subject alternative") || root.contains("subject alternative") || root.contains("No name matching")) {
            return "TLS handshake failed: the server's certificate does not name " + host
                    + " (export the certificates for this machine name, or switch verify.hostname off)";
        }
        if (m.contains("bad_certificate") || m.contains("certificate_required") || m.contains("unknown_ca")
                || m.contains("certificate_unknown")) {
            return "TLS handshake failed: the server refused our client certificate (" + m
                    + "); is it from this Sense site's QMC export?";
        }
        if (e instanceof SSLHandshakeException) {
            return "TLS handshake failed: " + m;
        }
        return "TLS failed: " + m;
    }
}
