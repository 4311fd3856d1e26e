package io.butlersos.events.internal.receive;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
final class Cidr {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Reads {@code address/prefix}; the address must be a literal, never a name.
     *
     * @throws IllegalArgumentException with a sentence naming the entry when it is not a range
     */
    static Cidr parse(String entry) {
        int slash = entry.indexOf('/');
        String address = entry.substring(0, slash).strip();
        if (!SourceAllowList.isLiteral(address)) {
            throw new IllegalArgumentException("'" + entry + "' is not an address range: '" + address
                    + "' is not an IP address");
        }
        int bits;
        try {
            bits = Integer.parseInt(entry.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an address range: the prefix length is not a number");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an address range", e);
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("'" + entry + "' is not an address range: the prefix length must be 0 to "
                    + bytes.length * 8);
        }
        return new Cidr(bytes, bits, entry);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
