package io.butlersos.appenders.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.butlersos.api.ops.SenseLogConfigs;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the LocalLogConfig.xml files ({@link SenseLogConfigs}, for the status page) and the Gogo
 * command {@code sos:logconfig <service>}, and keeps copies in {@code output.dir} that follow every
 * change of the receiver configuration.
 */
@Component(configurationPid = AppendersConfig.PID, immediate = true,
        service = {SenseLogConfigs.class, ConfigurationListener.class},
        property = {"osgi.command.scope=sos", "osgi.command.function=logconfig"})
@Designate(ocd = AppendersConfig.class)
public final class SenseLogConfigsComponent implements SenseLogConfigs, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(SenseLogConfigsComponent.class);

    private final ConfigurationAdmin admin;
    private volatile AppendersConfig config;
    private volatile String lastWritten = "";

    @Activate
    public SenseLogConfigsComponent(@Reference ConfigurationAdmin admin, AppendersConfig config) {
        this.admin = admin;
        this.config = config;
        writeFiles();
    }

    @Modified
    void modified(AppendersConfig next) {
        this.config = next;
        writeFiles();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (ReceiverSettingsReader.LOG_PID.equals(pid) || ReceiverSettingsReader.USER_PID.equals(pid)) {
            writeFiles();
        }
    }

    @Override
    public List<String> services() {
        return Arrays.stream(SenseService.values()).map(SenseService::id).toList();
    }

    @Override
    public String localLogConfig(String service) {
        SenseService s = SenseService.of(service).orElseThrow(() -> new IllegalArgumentException(
                "'" + service + "' is not a Sense service with a log appender file; use one of " + services()));
        return LocalLogConfigXml.render(s, receivers());
    }

    @Override
    public String remoteAddress() {
        return receivers().remoteAddress();
    }

    /** Gogo: {@code sos:logconfig engine} prints the engine's file. */
    public String logconfig(String service) {
        return localLogConfig(service);
    }

    /** Gogo: {@code sos:logconfig} lists the services and where the copies are. */
    public String logconfig() {
        String dir = config.output_dir();
        return "Services: " + String.join(", ", services()) + " (sos:logconfig <service> prints its LocalLogConfig.xml)\n"
                + "Sense sends to: " + remoteAddress() + "\n"
                + (dir.isBlank() ? "" : "Copies: " + Path.of(dir).toAbsolutePath() + "\n");
    }

    private Receivers receivers() {
        return ReceiverSettingsReader.read(properties(ReceiverSettingsReader.LOG_PID), properties(ReceiverSettingsReader.USER_PID),
                config.remote_address(), SenseLogConfigsComponent::localHostName);
    }

    private Map<String, Object> properties(String pid) {
        try {
            Configuration[] found = admin.listConfigurations("(" + org.osgi.framework.Constants.SERVICE_PID + "=" + pid + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return null;
            }
            Map<String, Object> map = new HashMap<>();
            Dictionary<String, Object> props = found[0].getProperties();
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                map.put(key, props.get(key));
            }
            return map;
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            LOG.warn("Cannot read the receiver configuration {}: {}", pid, e.toString());
            return null;
        }
    }

    /** Writes the files when their content changed; a failure is one WARN line, never a stopped component. */
    private synchronized void writeFiles() {
        String dir = config.output_dir();
        if (dir == null || dir.isBlank()) {
            return;
        }
        Receivers receivers = receivers();
        Map<SenseService, String> files = Arrays.stream(SenseService.values())
                .collect(Collectors.toMap(s -> s, s -> LocalLogConfigXml.render(s, receivers)));
        String all = files.values().stream().sorted().collect(Collectors.joining());
        if (all.equals(lastWritten)) {
            return;
        }
        try {
            for (Map.Entry<SenseService, String> file : files.entrySet()) {
                Path target = Path.of(dir, file.getKey().id(), "LocalLogConfig.xml");
                Files.createDirectories(target.getParent());
                Path tmp = target.resolveSibling("LocalLogConfig.xml.tmp");
                Files.writeString(tmp, file.getValue(), StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            lastWritten = all;
            LOG.info("Sense log appender files in {} point to {} (UDP {} and {})", Path.of(dir).toAbsolutePath(),
                    receivers.remoteAddress(), receivers.logPort(), receivers.userPort());
            receivers.notes().forEach(note -> LOG.warn("Sense log appender files: {}", note));
        } catch (IOException e) {
            LOG.warn("Cannot write the Sense log appender files to {}: {}", Path.of(dir).toAbsolutePath(), e.toString());
        }
    }

    /** This machine's name, or its first non-loopback address when the name only leads back to loopback. */
    static String localHostName() {
        try {
            InetAddress local = InetAddress.getLocalHost();
            String name = local.getCanonicalHostName();
            if (!local.isLoopbackAddress() && !ReceiverSettingsReader.isLoopback(name)) {
                return name;
            }
        } catch (UnknownHostException e) {
            // fall through to the interfaces
        }
        try {
            for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                    if (address instanceof java.net.Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (java.net.SocketException e) {
            // nothing better known
        }
        return "<address of the Butler SOS host>";
    }
}
