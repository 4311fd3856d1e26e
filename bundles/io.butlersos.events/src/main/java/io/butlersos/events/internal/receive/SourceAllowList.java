package io.butlersos.events.internal.receive;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Which senders a receiver takes datagrams from: exact addresses (literals and what host names resolved
 * to) and address ranges. Immutable; the resolver swaps in a new one after each refresh. When the list
 * is on but empty (nothing configured, or no name resolved), it denies everything: it never fails open.
 */
final class SourceAllowList {

    /** Allow-list switched off: every sender is taken. */
    static final SourceAllowList OFF = new SourceAllowList(false, Set.of(), List.of());

    private final boolean enabled;
    private final Set<InetAddress> addresses;
    private final List<Cidr> ranges;

    SourceAllowList(boolean enabled, Set<InetAddress> addresses, List<Cidr> ranges) {
        this.enabled = enabled;
        this.addresses = Set.copyOf(addresses);
        this.ranges = List.copyOf(ranges);
    }

    boolean allows(InetAddress sender) {
        if (!enabled) {
            return true;
        }
        InetAddress address = unmapped(sender);
        if (addresses.contains(address)) {
            return true;
        }
        for (Cidr range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    boolean enabled() {
        return enabled;
    }

    /** Whether the list is on and can let nothing through. */
    boolean deniesAll() {
        return enabled && addresses.isEmpty() && ranges.isEmpty();
    }

    Set<InetAddress> addresses() {
        return addresses;
    }

    List<Cidr> ranges() {
        return ranges;
    }

    /** An IPv4 sender seen through a dual-stack IPv6 socket ({@code ::ffff:a.b.c.d}) as plain IPv4. */
    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return address;
                }
            }
            if (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) {
                try {
                    return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }

    /** Whether the text is an IPv4 or IPv6 literal (so no DNS is asked). */
    static boolean isLiteral(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (text.indexOf(':') >= 0) {
            return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
