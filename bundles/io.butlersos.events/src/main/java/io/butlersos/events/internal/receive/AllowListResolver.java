package io.butlersos.events.internal.receive;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns configured allow-list entries (IP literals, {@code address/prefix} ranges, host names) into a
 * {@link SourceAllowList}. Host names are resolved to all their IPv4 and IPv6 addresses on every
 * {@link #resolve()}; a name that fails to resolve keeps the addresses it had last time (with a
 * warning), so a DNS hiccup does not lock a Sense node out.
 */
final class AllowListResolver {

    private static final Logger LOG = LoggerFactory.getLogger(AllowListResolver.class);

    private final String receiver;
    private final boolean enabled;
    private final Set<InetAddress> literals = new LinkedHashSet<>();
    private final List<Cidr> ranges = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Set<InetAddress>> lastResolved = new HashMap<>();
    private final Function<String, InetAddress[]> dns;

    /**
     * @param receiver the receiver's name, for log lines
     * @param dns resolves a host name; throws {@link IllegalStateException} when it cannot
     * @throws IllegalArgumentException naming the entry when an entry is malformed
     */
    AllowListResolver(String receiver, boolean enabled, String[] entries, Function<String, InetAddress[]> dns) {
        this.receiver = receiver;
        this.enabled = enabled;
        this.dns = dns;
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.indexOf('/') >= 0) {
                ranges.add(Cidr.parse(entry));
            } else if (SourceAllowList.isLiteral(entry)) {
                try {
                    literals.add(InetAddress.getByName(entry));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("allowed source '" + entry + "' is not a valid IP address", e);
                }
            } else {
                names.add(entry);
            }
        }
    }

    /** The system resolver, all address families. */
    static InetAddress[] systemDns(String name) {
        try {
            return InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    boolean hasNames() {
        return !names.isEmpty();
    }

    /** Resolves the names again and returns the list to use now. */
    synchronized SourceAllowList resolve() {
        if (!enabled) {
            return SourceAllowList.OFF;
        }
        Set<InetAddress> addresses = new LinkedHashSet<>(literals);
        for (String name : names) {
            try {
                Set<InetAddress> found = Set.of(dns.apply(name));
                lastResolved.put(name, found);
                addresses.addAll(found);
            } catch (RuntimeException e) {
                Set<InetAddress> previous = lastResolved.get(name);
                if (previous != null) {
                    LOG.warn("{} receiver: allowed source '{}' did not resolve ({}); keeping its last addresses {}",
                            receiver, name, e.getMessage(), previous);
                    addresses.addAll(previous);
                } else {
                    LOG.error("{} receiver: allowed source '{}' does not resolve ({}); datagrams from it are denied",
                            receiver, name, e.getMessage());
                }
            }
        }
        SourceAllowList list = new SourceAllowList(true, addresses, ranges);
        if (list.deniesAll()) {
            LOG.error("{} receiver: the source allow-list is on but holds no usable address; EVERY datagram is "
                    + "denied until an entry resolves or the list is changed", receiver);
        }
        return list;
    }
}
