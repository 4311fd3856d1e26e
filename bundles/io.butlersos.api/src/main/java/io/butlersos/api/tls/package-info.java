/**
 * TLS for clients of Qlik Sense: an {@link io.butlersos.api.tls.TlsContextProvider} turns one
 * certificate set (a QMC export) into {@link javax.net.ssl.SSLContext}s, with verification switchable
 * per server.
 */
@Export
@Version("1.0.0")
package io.butlersos.api.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
