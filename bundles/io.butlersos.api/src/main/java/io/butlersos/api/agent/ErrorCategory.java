package io.butlersos.api.agent;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import javax.net.ssl.SSLException;

/**
 * Why something failed, in the categories Butler SOS writes to {@code butler_sos_errors.error_category}.
 * {@link #classify(Throwable, int)} applies its rules in its order: the first that matches wins.
 */
public enum ErrorCategory {
    TIMEOUT("timeout"),
    CONNECTION_REFUSED("connection_refused"),
    HOST_NOT_FOUND("host_not_found"),
    CONNECTION_RESET("connection_reset"),
    AUTH_ERROR("auth_error"),
    NOT_FOUND("not_found"),
    RATE_LIMITED("rate_limited"),
    HTTP_5XX("http_5xx"),
    HTTP_4XX("http_4xx"),
    CERTIFICATE_ERROR("certificate_error"),
    MQTT_ERROR("mqtt_error"),
    NEW_RELIC_ERROR("new_relic_error"),
    UNKNOWN("unknown");

    private final String label;

    ErrorCategory(String label) {
        this.label = label;
    }

    /** The value written to InfluxDB and shown to people. */
    public String label() {
        return label;
    }

    /**
     * Categorises a failure.
     *
     * @param error what was thrown, or null when only a status is known
     * @param httpStatus the HTTP status of the answer, or 0 when there was none
     */
    public static ErrorCategory classify(Throwable error, int httpStatus) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException
                    || t instanceof java.util.concurrent.TimeoutException
                    || contains(t, "timeout") || contains(t, "timed out")) {
                return TIMEOUT;
            }
            if (t instanceof ConnectException || contains(t, "connection refused")) {
                return CONNECTION_REFUSED;
            }
            if (t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return HOST_NOT_FOUND;
            }
            if (t instanceof SocketException && contains(t, "reset")) {
                return CONNECTION_RESET;
            }
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return AUTH_ERROR;
        }
        if (httpStatus == 404) {
            return NOT_FOUND;
        }
        if (httpStatus == 429) {
            return RATE_LIMITED;
        }
        if (httpStatus >= 500) {
            return HTTP_5XX;
        }
        if (httpStatus >= 400) {
            return HTTP_4XX;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof java.security.GeneralSecurityException
                    || contains(t, "cert") || contains(t, "tls") || contains(t, "ssl")) {
                return CERTIFICATE_ERROR;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (contains(t, "mqtt")) {
                return MQTT_ERROR;
            }
            if (contains(t, "new relic")) {
                return NEW_RELIC_ERROR;
            }
        }
        return UNKNOWN;
    }

    private static boolean contains(Throwable t, String word) {
        String message = t.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains(word);
    }
}
