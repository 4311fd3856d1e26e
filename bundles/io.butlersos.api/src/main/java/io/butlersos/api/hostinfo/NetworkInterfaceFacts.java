package io.butlersos.api.hostinfo;

import java.util.List;

/**
 * One network interface of the host.
 *
 * @param name the system's name, e.g. {@code eth0}
 * @param displayName the longer description, or the name
 * @param macAddress {@code aa:bb:cc:dd:ee:ff}, or empty when there is none
 * @param ipv4 the IPv4 addresses
 * @param ipv6 the IPv6 addresses
 * @param speedBitsPerSecond the link speed the system reports, or 0 when unknown
 * @param up whether the interface is up
 */
public record NetworkInterfaceFacts(
        String name,
        String displayName,
        String macAddress,
        List<String> ipv4,
        List<String> ipv6,
        long speedBitsPerSecond,
        boolean up) {

    public NetworkInterfaceFacts {
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
    }
}
