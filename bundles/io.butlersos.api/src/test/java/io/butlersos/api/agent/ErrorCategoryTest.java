package io.butlersos.api.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

class ErrorCategoryTest {

    @Test
    void networkFailuresWinOverStatusAndFollowCauses() {
        assertThat(ErrorCategory.classify(new HttpTimeoutException("request timed out"), 0)).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(ErrorCategory.classify(new CompletionException(new TimeoutException()), 0)).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(ErrorCategory.classify(new IOException(new ConnectException()), 0))
                .isEqualTo(ErrorCategory.CONNECTION_REFUSED);
        assertThat(ErrorCategory.classify(new UnknownHostException("sense9"), 0)).isEqualTo(ErrorCategory.HOST_NOT_FOUND);
        assertThat(ErrorCategory.classify(new SocketException("Connection reset"), 0))
                .isEqualTo(ErrorCategory.CONNECTION_RESET);
    }

    @Test
    void httpStatusesInButlerSosOrder() {
        assertThat(ErrorCategory.classify(null, 401)).isEqualTo(ErrorCategory.AUTH_ERROR);
        assertThat(ErrorCategory.classify(null, 403)).isEqualTo(ErrorCategory.AUTH_ERROR);
        assertThat(ErrorCategory.classify(null, 404)).isEqualTo(ErrorCategory.NOT_FOUND);
        assertThat(ErrorCategory.classify(null, 429)).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(ErrorCategory.classify(null, 503)).isEqualTo(ErrorCategory.HTTP_5XX);
        assertThat(ErrorCategory.classify(null, 400)).isEqualTo(ErrorCategory.HTTP_4XX);
    }

    @Test
    void certificateThenProductWordsThenUnknown() {
        assertThat(ErrorCategory.classify(new SSLHandshakeException("PKIX path building failed"), 0))
                .isEqualTo(ErrorCategory.CERTIFICATE_ERROR);
        assertThat(ErrorCategory.classify(new IllegalStateException("MQTT client not connected"), 0))
                .isEqualTo(ErrorCategory.MQTT_ERROR);
        assertThat(ErrorCategory.classify(new IllegalStateException("New Relic refused"), 0))
                .isEqualTo(ErrorCategory.NEW_RELIC_ERROR);
        assertThat(ErrorCategory.classify(new IllegalStateException("odd"), 0)).isEqualTo(ErrorCategory.UNKNOWN);
        assertThat(ErrorCategory.UNKNOWN.label()).isEqualTo("unknown");
    }
}
