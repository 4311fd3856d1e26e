package io.butlersos.sense.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;

import org.junit.jupiter.api.Test;

/** Which requests may skip the connection gate because they will reuse a pooled connection. */
class ConnectionReuseTest {

    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final HttpClient RELOADED = HttpClient.newHttpClient();
    static final String HEALTH = "https://sense1:4747/engine/healthcheck";

    final ConnectionReuse reuse = new ConnectionReuse();

    @Test
    void aTargetNeverAnsweredNeedsANewConnection() {
        assertThat(reuse.warm(HEALTH, CLIENT)).isFalse();
    }

    @Test
    void anAnswerLeavesAConnectionForTheNextPoll() {
        reuse.answered(HEALTH, CLIENT, "s1");
        assertThat(reuse.warm(HEALTH, CLIENT)).isTrue();
        reuse.answered(HEALTH, CLIENT, "s1");
        assertThat(reuse.warm(HEALTH, CLIENT)).isTrue();
    }

    @Test
    void aFailureMeansTheNextPollConnectsAnew() {
        reuse.answered(HEALTH, CLIENT, "s1");
        reuse.failed(HEALTH);
        assertThat(reuse.warm(HEALTH, CLIENT)).isFalse();
    }

    @Test
    void anotherClientHasItsOwnPool() {
        reuse.answered(HEALTH, CLIENT, "s1");
        assertThat(reuse.warm(HEALTH, RELOADED)).isFalse();
        reuse.answered(HEALTH, RELOADED, "s2");
        assertThat(reuse.warm(HEALTH, RELOADED)).isTrue();
    }

    @Test
    void aServerThatDropsConnectionsBetweenPollsIsTreatedAsNewEveryTime() {
        reuse.answered(HEALTH, CLIENT, "s1");
        reuse.answered(HEALTH, CLIENT, "s2"); // a new TLS session: the pooled connection was gone
        assertThat(reuse.warm(HEALTH, CLIENT)).isFalse();
        reuse.answered(HEALTH, CLIENT, "s3");
        assertThat(reuse.warm(HEALTH, CLIENT)).isFalse();
        reuse.answered(HEALTH, CLIENT, "s3"); // kept this time
        assertThat(reuse.warm(HEALTH, CLIENT)).isTrue();
    }

    @Test
    void targetsAreKeptApartByHostPortAndPathButNotByQuery() {
        assertThat(ConnectionReuse.target(URI.create("https://sense1:4243/qps/hdr/session?Xrfkey=abc")))
                .isEqualTo("https://sense1:4243/qps/hdr/session")
                .isEqualTo(ConnectionReuse.target(URI.create("https://sense1:4243/qps/hdr/session?Xrfkey=xyz")))
                .isNotEqualTo(ConnectionReuse.target(URI.create("https://sense1:4243/qps/session?Xrfkey=abc")));
        reuse.answered("https://sense1:4243/qps/hdr/session", CLIENT, "s1");
        assertThat(reuse.warm("https://sense1:4243/qps/session", CLIENT)).isFalse();
    }
}
