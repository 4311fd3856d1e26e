package io.butlersos.itest;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test configures and something else binds later. A port the OS hands out for
 * port 0 comes from the ephemeral range, the same range outgoing connections take their local ports
 * from: between the probe and the real bind, a client socket of another test can take it ("Address
 * already in use"). These ports come from below that range, where no outgoing connection lands, and
 * are checked free for TCP and UDP on loopback.
 */
public final class FreePorts {

    private static final int LOWEST = 10_000;

    private FreePorts() {
    }

    public static int port() throws IOException {
        int below = ephemeralRangeStart();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(loopback, port), 1);
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                    return port;
                }
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("no free port between " + LOWEST + " and " + below);
    }

    /** The first port of the OS's ephemeral range (Linux: ip_local_port_range), 32768 if unknown. */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
