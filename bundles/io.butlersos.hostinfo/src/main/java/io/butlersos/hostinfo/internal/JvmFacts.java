package io.butlersos.hostinfo.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.hostinfo.HostFacts;

/**
 * Facts the JVM knows without native calls, for when OSHI cannot run (no native library for this
 * platform, a security product that blocks it). Values the JVM cannot know are 0 or {@code unknown},
 * like Butler SOS's fallbacks with {@code systemInfo.enable: false}.
 */
final class JvmFacts {

    private JvmFacts() {
    }

    static HostFacts read(Instant now, Map<String, String> tags) {
        String hostName = hostName();
        int cores = Runtime.getRuntime().availableProcessors();
        return new HostFacts(now, hostName, tags, hostName,
                System.getProperty("os.name", "unknown"), "unknown",
                System.getProperty("os.version", "unknown"), "", "",
                System.getProperty("os.arch", "").contains("64") ? 64 : 32,
                System.getProperty("os.arch", ""),
                false, "unknown", "unknown", "unknown", "unknown",
                1, cores, cores, 0, 0, 0, 0, now, List.of(),
                System.getProperty("java.version", ""),
                System.getProperty("java.vendor", ""),
                System.getProperty("java.vm.name", ""),
                Runtime.getRuntime().maxMemory());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
