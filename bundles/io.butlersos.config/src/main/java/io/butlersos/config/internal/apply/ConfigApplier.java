package io.butlersos.config.internal.apply;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.butlersos.config.internal.mapping.Desired;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Makes Config Admin hold exactly what the YAML asks for. Every configuration it writes carries the private
 * marker property {@value #MARKER}; configurations without it (FileInstall's .cfg files, anything set by
 * hand) are never touched: a native file for the same PID wins. Unchanged configurations are not
 * rewritten, so an edit restarts only the components it concerns.
 */
public final class ConfigApplier {

    /** Private (leading dot: never a service property) marker naming the YAML file a configuration came from. */
    public static final String MARKER = ".butlersos.yaml";

    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, MARKER);

    private final ConfigurationAdmin admin;

    public ConfigApplier(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    public ApplyReport apply(String source, List<Desired> desired) throws IOException {
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> nativeWins = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (Desired want : desired) {
            String pid = want.pid();
            wanted.add(pid);
            Configuration existing = find("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            if (existing != null && !ours(existing)) {
                nativeWins.add(pid);
                continue;
            }
            if (existing != null && same(existing.getProperties(), want.properties())) {
                unchanged.add(pid);
                continue;
            }
            Configuration config = existing != null ? existing
                    : want.factoryPid() == null ? admin.getConfiguration(pid, "?")
                    : admin.getFactoryConfiguration(want.factoryPid(), want.name(), "?");
            Hashtable<String, Object> properties = new Hashtable<>(want.properties());
            properties.put(MARKER, source);
            config.update(properties);
            written.add(pid);
        }
        for (Configuration config : ours()) {
            try {
                String pid = config.getPid();
                if (!wanted.contains(pid)) {
                    config.delete();
                    deleted.add(pid);
                }
            } catch (IllegalStateException e) {
                // Deleted by someone else meanwhile: nothing left to remove.
            }
        }
        return new ApplyReport(List.copyOf(written), List.copyOf(unchanged), List.copyOf(deleted), List.copyOf(nativeWins));
    }

    /** The configurations an earlier apply wrote. */
    public List<Configuration> ours() throws IOException {
        Configuration[] found = list("(" + MARKER + "=*)");
        return found == null ? List.of() : List.of(found);
    }

    private Configuration find(String filter) throws IOException {
        Configuration[] found = list(filter);
        return found == null || found.length == 0 ? null : found[0];
    }

    private Configuration[] list(String filter) throws IOException {
        try {
            return admin.listConfigurations(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad filter " + filter, e);
        }
    }

    private static boolean ours(Configuration config) {
        Dictionary<String, Object> properties = config.getProperties();
        return properties != null && properties.get(MARKER) != null;
    }

    /** Whether Config Admin already holds these properties (arrays compared by content). */
    static boolean same(Dictionary<String, Object> current, Map<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        int count = 0;
        for (String key : Collections.list(current.keys())) {
            if (BOOKKEEPING.contains(key)) {
                continue;
            }
            count++;
            if (!wanted.containsKey(key) || !equal(current.get(key), wanted.get(key))) {
                return false;
            }
        }
        return count == wanted.size();
    }

    private static boolean equal(Object a, Object b) {
        if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray()) {
            int length = Array.getLength(a);
            if (length != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (!Objects.equals(Array.get(a, i), Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
