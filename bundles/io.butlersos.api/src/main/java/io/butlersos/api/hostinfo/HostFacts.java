package io.butlersos.api.hostinfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.butlersos.api.Point;
import io.butlersos.api.Signal;

/**
 * What the host is: one immutable snapshot, also published as a {@code host.info} signal.
 * Butler SOS has no InfluxDB measurement for host facts; this one is new, named
 * {@code butlersos_host_info}, and carries the scalar facts (the interface list stays out of it).
 *
 * @param time when the facts were read
 * @param origin the host name
 * @param tags tags for every point, e.g. {@code butler_sos_instance}
 * @param hostName the host's name as the operating system reports it
 * @param osFamily e.g. {@code Windows}, {@code Debian GNU/Linux}
 * @param osManufacturer e.g. {@code Microsoft}, {@code GNU/Linux}
 * @param osVersion e.g. {@code Server 2022}, {@code 12}
 * @param osBuild the build number, or empty
 * @param osCodeName e.g. {@code bookworm}, or empty
 * @param osBitness 32 or 64
 * @param arch the JVM's {@code os.arch}, e.g. {@code amd64}
 * @param inContainer whether the agent runs in a container (Docker's marker file is present)
 * @param systemManufacturer the machine's maker, or {@code unknown}
 * @param systemModel the machine's model, or {@code unknown}
 * @param cpuName the processor's marketing name
 * @param cpuVendor e.g. {@code GenuineIntel}
 * @param cpuPackages physical processor packages (sockets)
 * @param cpuPhysicalCores physical cores
 * @param cpuLogicalCores logical processors (hardware threads)
 * @param cpuMaxFrequencyHz the highest clock rate, or 0 when unknown
 * @param memoryTotalBytes physical memory
 * @param memoryAvailableBytes physical memory available now
 * @param swapTotalBytes swap or page file
 * @param bootTime when the host started
 * @param networkInterfaces the non-loopback interfaces
 * @param javaVersion {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param jvmName {@code java.vm.name}
 * @param jvmMaxHeapBytes the JVM's maximum heap
 */
public record HostFacts(
        Instant time,
        String origin,
        Map<String, String> tags,
        String hostName,
        String osFamily,
        String osManufacturer,
        String osVersion,
        String osBuild,
        String osCodeName,
        int osBitness,
        String arch,
        boolean inContainer,
        String systemManufacturer,
        String systemModel,
        String cpuName,
        String cpuVendor,
        int cpuPackages,
        int cpuPhysicalCores,
        int cpuLogicalCores,
        long cpuMaxFrequencyHz,
        long memoryTotalBytes,
        long memoryAvailableBytes,
        long swapTotalBytes,
        Instant bootTime,
        List<NetworkInterfaceFacts> networkInterfaces,
        String javaVersion,
        String javaVendor,
        String jvmName,
        long jvmMaxHeapBytes) implements Signal {

    /** The signal type of host facts. */
    public static final String TYPE = "host.info";

    /** The InfluxDB measurement. */
    public static final String MEASUREMENT = "butlersos_host_info";

    public HostFacts {
        tags = Map.copyOf(tags);
        networkInterfaces = List.copyOf(networkInterfaces);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Seconds since the host started, at {@link #time()}. */
    public long systemUptimeSeconds() {
        return Math.max(0, time.getEpochSecond() - bootTime.getEpochSecond());
    }

    @Override
    public List<Point> toPoints() {
        return List.of(Point.measurement(MEASUREMENT)
                .tags(tags)
                .tag("host", hostName)
                .field("os_family", osFamily)
                .field("os_version", osVersion)
                .field("os_build", osBuild)
                .field("os_bitness", (long) osBitness)
                .field("arch", arch)
                .field("in_container", inContainer)
                .field("cpu_name", cpuName)
                .field("cpu_physical_cores", (long) cpuPhysicalCores)
                .field("cpu_logical_cores", (long) cpuLogicalCores)
                .field("memory_total_mb", megabytes(memoryTotalBytes))
                .field("memory_available_mb", megabytes(memoryAvailableBytes))
                .field("system_uptime_s", systemUptimeSeconds())
                .field("java_version", javaVersion)
                .field("jvm_name", jvmName)
                .field("network_interfaces", (long) networkInterfaces.size())
                .time(time)
                .build());
    }

    private static double megabytes(long bytes) {
        return Math.round(bytes / 1048576.0 * 100.0) / 100.0;
    }
}
