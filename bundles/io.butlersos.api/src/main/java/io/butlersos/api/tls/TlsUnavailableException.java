package io.butlersos.api.tls;

import java.security.GeneralSecurityException;

/** A certificate set cannot be used; the message is one sentence naming the file and the problem. */
public class TlsUnavailableException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public TlsUnavailableException(String message) {
        super(message);
    }

    public TlsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
