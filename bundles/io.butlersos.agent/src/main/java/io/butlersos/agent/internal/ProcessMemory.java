package io.butlersos.agent.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The memory the operating system has given the process. On Linux that is the resident set size
 * from {@code /proc/self/status}; elsewhere the platform MXBean's committed virtual memory (on
 * Windows the private bytes), read through JMX so the bundle needs no {@code com.sun.management}
 * import. As a last resort, the JVM's own committed heap and non-heap.
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    static long bytes() {
        OptionalLong rss = fromProcStatus(STATUS);
        if (rss.isPresent()) {
            return rss.getAsLong();
        }
        OptionalLong committed = fromMxBean();
        if (committed.isPresent()) {
            return committed.getAsLong();
        }
        var memory = ManagementFactory.getMemoryMXBean();
        return memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
    }

    static OptionalLong fromProcStatus(Path status) {
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            return parseVmRss(Files.readString(status, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code VmRSS:   123456 kB} line of a status file, in bytes. */
    static OptionalLong parseVmRss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                try {
                    long value = Long.parseLong(parts[0]);
                    long unit = parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? 1024 : 1;
                    return OptionalLong.of(value * unit);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong fromMxBean() {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "CommittedVirtualMemorySize");
            if (value instanceof Number n && n.longValue() > 0) {
                return OptionalLong.of(n.longValue());
            }
        } catch (JMException | RuntimeException e) {
            // Not every JVM offers the attribute; the caller falls back to the JVM's own figures.
        }
        return OptionalLong.empty();
    }
}
