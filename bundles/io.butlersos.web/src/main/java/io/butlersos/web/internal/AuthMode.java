package io.butlersos.web.internal;

import java.util.Locale;

/** How callers of the endpoints prove who they are. */
enum AuthMode {
    NONE, BASIC, BEARER;

    static AuthMode of(String value) throws WebSettingsException {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WebSettingsException("auth '" + value + "' is not one of none, basic, bearer");
        }
    }
}
