package io.butlersos.sense.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import io.butlersos.api.tls.TlsUnavailableException;

class FailureTextTest {

    @Test
    void namesTheCommonFailuresInWordsPeopleActOn() {
        assertThat(FailureText.describe(new CompletionException(new ConnectException()), "h", 5000))
                .startsWith("connection refused");
        assertThat(FailureText.describe(new TimeoutException(), "h", 5000)).isEqualTo("no answer within 5000 ms");
        assertThat(FailureText.describe(new TlsUnavailableException("The passphrase does not decrypt ..."), "h", 1))
                .isEqualTo("The passphrase does not decrypt ...");
        SSLHandshakeException pkix = new SSLHandshakeException("PKIX path building failed");
        assertThat(FailureText.describe(pkix, "h", 1)).contains("not signed by a trusted CA");
        SSLHandshakeException name = new SSLHandshakeException("No subject alternative DNS name matching sense2 found.");
        assertThat(FailureText.describe(name, "sense2", 1)).contains("does not name sense2");
        assertThat(FailureText.describe(new IOException("HTTP/1.1 header parser received no bytes"), "h", 1))
                .contains("does it accept our client certificate?");
    }

    @Test
    void anExchangeMaySettleLongerThanItsDeadlineButNotForever() {
        assertThat(ServerPoller.settleLimit(Duration.ofSeconds(5), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(ServerPoller.settleLimit(Duration.ofSeconds(5), Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(10));
    }
}
