package io.butlersos.itest.sense;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import io.butlersos.itest.Await;
import io.butlersos.itest.FreePorts;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Sets up simulated Sense nodes, certificate sets and polled servers through Config Admin only, the
 * way an operator's files would; removes every configuration it made.
 */
public final class SenseRig implements AutoCloseable {

    /** The ports of a simulated node and its configuration. */
    public record Node(String name, int enginePort, int proxyPort, int repositoryPort, Configuration config) {
    }

    private final ConfigurationAdmin admin;
    private final List<Configuration> made = new ArrayList<>();

    public SenseRig(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    public static int freePort() throws IOException {
        return FreePorts.port();
    }

    /** Starts a simulated node whose QMC-style export goes to (or is read from) the folder. */
    public Node simulator(String name, Path certFolder) throws Exception {
        Node node = new Node(name, freePort(), freePort(), freePort(),
                admin.createFactoryConfiguration("io.butlersos.simulator.server", "?"));
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", name);
        p.put("engine.port", node.enginePort());
        p.put("proxy.port", node.proxyPort());
        p.put("repository.port", node.repositoryPort());
        p.put("cert.folder", certFolder.toString());
        p.put("step.ms", 500L);
        node.config().update(p);
        made.add(node.config());
        Await.until("the simulator's export in " + certFolder, () -> Files.exists(certFolder.resolve("client_key.pem")));
        return node;
    }

    /** A certificate set made of the export in the folder. */
    public void certificateSet(String name, Path certFolder) throws Exception {
        Configuration c = admin.createFactoryConfiguration("io.butlersos.cert", "?");
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", name);
        p.put("client.cert", certFolder.resolve("client.pem").toString());
        p.put("client.cert.key", certFolder.resolve("client_key.pem").toString());
        p.put("client.cert.ca", certFolder.resolve("root.pem").toString());
        c.update(p);
        made.add(c);
    }

    /** A polled server; extra properties as key/value pairs. */
    public Configuration senseServer(String name, Node node, Object... extra) throws Exception {
        Configuration c = admin.createFactoryConfiguration("io.butlersos.sense.server", "?");
        c.update(serverProperties(name, node, extra));
        made.add(c);
        return c;
    }

    public static Hashtable<String, Object> serverProperties(String name, Node node, Object... extra) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("server.name", name);
        p.put("host", "127.0.0.1:" + node.enginePort());
        p.put("proxy.host", "127.0.0.1:" + node.proxyPort());
        p.put("jitter.ms", 200L);
        for (int i = 0; i < extra.length; i += 2) {
            p.put((String) extra[i], extra[i + 1]);
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        for (Configuration c : made) {
            try {
                c.delete();
            } catch (IllegalStateException alreadyDeleted) {
                // deleted by the test itself
            }
        }
    }
}
