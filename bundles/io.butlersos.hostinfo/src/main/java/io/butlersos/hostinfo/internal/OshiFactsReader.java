package io.butlersos.hostinfo.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.butlersos.api.hostinfo.HostFacts;
import io.butlersos.api.hostinfo.NetworkInterfaceFacts;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.ComputerSystem;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OperatingSystem;

/**
 * Reads the host's facts through OSHI. The only class of the agent that touches OSHI; the first call
 * loads JNA's native library, later calls reuse OSHI's own caches.
 */
final class OshiFactsReader {

    private final Clock clock;
    private final Map<String, String> tags;
    private SystemInfo systemInfo;

    OshiFactsReader(Clock clock, Map<String, String> tags) {
        this.clock = clock;
        this.tags = Map.copyOf(tags);
    }

    synchronized HostFacts read() {
        if (systemInfo == null) {
            systemInfo = new SystemInfo();
        }
        Instant now = clock.instant();
        OperatingSystem os = systemInfo.getOperatingSystem();
        HardwareAbstractionLayer hardware = systemInfo.getHardware();
        ComputerSystem computer = hardware.getComputerSystem();
        CentralProcessor cpu = hardware.getProcessor();
        GlobalMemory memory = hardware.getMemory();
        String hostName = text(os.getNetworkParams().getHostName());
        return new HostFacts(now, hostName, tags, hostName,
                text(os.getFamily()),
                text(os.getManufacturer()),
                text(os.getVersionInfo().getVersion()),
                text(os.getVersionInfo().getBuildNumber()),
                text(os.getVersionInfo().getCodeName()),
                os.getBitness(),
                System.getProperty("os.arch", ""),
                Files.exists(Path.of("/.dockerenv")),
                text(computer.getManufacturer()),
                text(computer.getModel()),
                text(cpu.getProcessorIdentifier().getName()),
                text(cpu.getProcessorIdentifier().getVendor()),
                cpu.getPhysicalPackageCount(),
                cpu.getPhysicalProcessorCount(),
                cpu.getLogicalProcessorCount(),
                Math.max(0, cpu.getMaxFreq()),
                memory.getTotal(),
                memory.getAvailable(),
                memory.getVirtualMemory().getSwapTotal(),
                Instant.ofEpochSecond(os.getSystemBootTime()),
                interfaces(hardware),
                System.getProperty("java.version", ""),
                System.getProperty("java.vendor", ""),
                System.getProperty("java.vm.name", ""),
                Runtime.getRuntime().maxMemory());
    }

    private static List<NetworkInterfaceFacts> interfaces(HardwareAbstractionLayer hardware) {
        List<NetworkInterfaceFacts> result = new ArrayList<>();
        // false: leave out loopback and other interfaces without a hardware address.
        for (NetworkIF nif : hardware.getNetworkIFs(false)) {
            result.add(new NetworkInterfaceFacts(
                    text(nif.getName()),
                    text(nif.getDisplayName()),
                    text(nif.getMacaddr()),
                    Arrays.asList(nif.getIPv4addr()),
                    Arrays.asList(nif.getIPv6addr()),
                    Math.max(0, nif.getSpeed()),
                    nif.getIfOperStatus() == NetworkIF.IfOperStatus.UP));
        }
        return result;
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
