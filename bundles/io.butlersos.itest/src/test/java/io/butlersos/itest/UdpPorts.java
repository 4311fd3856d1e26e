package io.butlersos.itest;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Free UDP ports for receivers under test, and whether a receiver has bound one. */
public final class UdpPorts {

    private static final List<Path> KERNEL_TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private UdpPorts() {
    }

    /** A loopback UDP port nothing is bound to now, outside the range outgoing sockets take theirs from. */
    public static int free() throws IOException {
        return FreePorts.port();
    }

    /**
     * Whether something is bound to the port. On Linux this reads the kernel's socket table, which takes
     * nothing: probing by binding the port ourselves would hold it for a moment, and a receiver binding
     * in that moment fails. Elsewhere it falls back to that probe.
     */
    public static boolean bound(int port) {
        if (KERNEL_TABLES.stream().allMatch(Files::isReadable)) {
            String suffix = String.format(Locale.ROOT, ":%04X", port);
            for (Path table : KERNEL_TABLES) {
                try {
                    for (String line : Files.readAllLines(table)) {
                        String[] fields = line.trim().split("\\s+");
                        if (fields.length > 1 && fields[1].endsWith(suffix)) {
                            return true;
                        }
                    }
                } catch (IOException e) {
                    return probe(port);
                }
            }
            return false;
        }
        return probe(port);
    }

    private static boolean probe(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }
}
