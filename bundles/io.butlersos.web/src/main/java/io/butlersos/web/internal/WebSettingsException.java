package io.butlersos.web.internal;

/** A configuration of {@code io.butlersos.web} that cannot be served; the message names the key. */
final class WebSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    WebSettingsException(String message) {
        super(message);
    }
}
