package io.butlersos.itest.web;

import java.time.Duration;

import io.butlersos.itest.Await;
import org.osgi.service.cm.ConfigurationAdmin;

/** The web bundle's own Jetty, as seen from Config Admin. */
final class WebJetty {

    private WebJetty() {
    }

    /**
     * Waits until the Jetty configuration of an earlier test is gone, so a test starts its own server
     * instead of catching the previous one on its way down.
     */
    static void awaitGone(ConfigurationAdmin admin) throws InterruptedException {
        Await.until("the previous test's web server to stop", Duration.ofSeconds(60), () -> {
            try {
                return admin.listConfigurations("(org.apache.felix.http.name=butlersos-web)") == null;
            } catch (Exception e) {
                return false;
            }
        });
    }
}
