package io.butlersos.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The kernel's view of UDP on Linux: the system-wide {@code RcvbufErrors} of {@code /proc/net/snmp}
 * (datagrams dropped because a socket's receive buffer was full, on any socket) and, per socket,
 * the {@code drops} column of {@code /proc/net/udp}, which counts only the receiver's own socket and
 * so is not disturbed by other programs on the machine.
 */
final class KernelUdp {

    private KernelUdp() {
    }

    static long rcvbufErrors() throws IOException {
        return rcvbufErrors(Files.readString(Path.of("/proc/net/snmp")));
    }

    /** {@code RcvbufErrors} from the text of {@code /proc/net/snmp}: a {@code Udp:} header line, then its values. */
    static long rcvbufErrors(String snmp) {
        List<String> lines = snmp.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                List<String> names = List.of(lines.get(i).trim().split("\\s+"));
                String[] values = lines.get(i + 1).trim().split("\\s+");
                int at = names.indexOf("RcvbufErrors");
                if (at > 0 && at < values.length) {
                    return Long.parseLong(values[at]);
                }
            }
        }
        throw new IllegalStateException("no Udp RcvbufErrors in /proc/net/snmp");
    }

    /** The drops of the socket bound to {@code port}, IPv4 or IPv6 (Java binds dual-stack sockets in udp6). */
    static OptionalLong socketDrops(int port) throws IOException {
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path file = Path.of(table);
            if (Files.exists(file)) {
                OptionalLong drops = socketDrops(Files.readString(file), port);
                if (drops.isPresent()) {
                    return drops;
                }
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The {@code drops} of the socket bound to {@code port} (any local address), from the text of
     * {@code /proc/net/udp} or {@code /proc/net/udp6}; empty when no socket is bound to it.
     */
    static OptionalLong socketDrops(String procNetUdp, int port) {
        String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String line : procNetUdp.lines().skip(1).toList()) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 13 && columns[1].endsWith(suffix)) {
                return OptionalLong.of(Long.parseLong(columns[columns.length - 1]));
            }
        }
        return OptionalLong.empty();
    }

    /** The one-, five- and fifteen-minute load averages, as {@code uptime} shows them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static double loadAverage1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
