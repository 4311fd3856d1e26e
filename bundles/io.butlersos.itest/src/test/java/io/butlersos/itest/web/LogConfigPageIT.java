package io.butlersos.itest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Hashtable;

import io.butlersos.api.ops.SenseLogConfigs;
import io.butlersos.itest.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** The Sense log appender page: the LocalLogConfig.xml files of the running appenders bundle, in Chromium. */
@ExtendWith(ServiceExtension.class)
class LogConfigPageIT {

    private static final String REMOTE = "10.1.2.3";

    @InjectService
    ConfigurationAdmin admin;

    @InjectService
    SenseLogConfigs configs;

    private Configuration web;
    private Configuration appenders;
    private WebClient client;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        WebJetty.awaitGone(admin);
        appenders = admin.getConfiguration("io.butlersos.appenders", "?");
        Hashtable<String, Object> files = new Hashtable<>();
        files.put("remote.address", REMOTE);
        files.put("output.dir", "");
        appenders.update(files);
        port = WebClient.freePort();
        client = WebClient.plain(port);
        web = admin.getConfiguration("io.butlersos.web", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("port", port);
        web.update(props);
        Await.until("the web endpoints to answer on port " + port, WebSecurityIT.JETTY, () -> {
            WebClient.Answer a = client.get("/health");
            return a != null && a.status() == 200;
        });
        Await.until("the appenders to send to " + REMOTE, WebSecurityIT.JETTY, () -> REMOTE.equals(configs.remoteAddress()));
    }

    @AfterEach
    void tearDown() throws IOException {
        web.delete();
        appenders.delete();
    }

    @Test
    void eachServiceFileDownloadsAsTheAppendersBundleWritesIt() {
        for (String service : configs.services()) {
            WebClient.Answer file = client.get("/api/logconfig/" + service);
            assertEquals(200, file.status(), service);
            assertEquals(configs.localLogConfig(service), file.body(), service);
            assertTrue(file.body().contains(REMOTE), file.body());
        }
        WebClient.Answer unknown = client.get("/api/logconfig/printing");
        assertEquals(404, unknown.status());
        assertEquals("{\"status\":404,\"error\":\"no LocalLogConfig.xml for 'printing'; one of "
                + "[engine, proxy, repository, scheduler]\"}", unknown.body());
    }

    @Test
    void thePageShowsEveryFileWithItsFolder() throws Exception {
        Chromium chromium = Chromium.require();
        String dom = chromium.dumpDom(client.base() + "/logconfig", 4_000);
        assertTrue(dom.contains("The files send to " + REMOTE), dom);
        for (String service : configs.services()) {
            String folder = Character.toUpperCase(service.charAt(0)) + service.substring(1);
            assertTrue(dom.contains("id=\"file-" + service + "\""), service + " section in " + dom);
            assertTrue(dom.contains("C:\\ProgramData\\Qlik\\Sense\\" + folder + "\\LocalLogConfig.xml"), folder);
            assertTrue(dom.contains("href=\"/api/logconfig/" + service + "\""), service + " download link");
        }
        // The XML is shown as text: the engine file's first appender element, escaped by the DOM dump.
        assertTrue(dom.contains("&lt;appender"), dom);
    }
}
