package io.butlersos.sense.internal;

import java.net.http.HttpClient;

import io.butlersos.api.tls.TlsOptions;
import io.butlersos.api.tls.TlsUnavailableException;

/** Gives the HTTP client for a certificate set and verification options; clients are shared and reused. */
@FunctionalInterface
interface ClientSource {

    /**
     * @throws TlsUnavailableException when the set is not configured or its files are bad; the message says which
     */
    HttpClient client(String certificateSet, TlsOptions options) throws TlsUnavailableException;
}
