package io.butlersos.events.internal.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SourceAllowListTest {

    private final Map<String, InetAddress[]> dns = new HashMap<>();

    private AllowListResolver resolver(String... entries) {
        return new AllowListResolver("test", true, entries, name -> {
            InetAddress[] found = dns.get(name);
            if (found == null) {
                throw new IllegalStateException(name + ": unknown host");
            }
            return found;
        });
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void literalsRangesAndNamesOfBothFamilies() throws Exception {
        dns.put("sense1.lab", new InetAddress[] {ip("192.0.2.10"), ip("2001:db8::10")});
        SourceAllowList list = resolver("192.0.2.1", "10.1.0.0/16", "fd00::/8", "sense1.lab").resolve();

        assertThat(list.allows(ip("192.0.2.1"))).isTrue();
        assertThat(list.allows(ip("192.0.2.2"))).isFalse();
        assertThat(list.allows(ip("10.1.200.3"))).isTrue();
        assertThat(list.allows(ip("10.2.0.1"))).isFalse();
        assertThat(list.allows(ip("fd12::1"))).isTrue();
        assertThat(list.allows(ip("192.0.2.10"))).isTrue();
        assertThat(list.allows(ip("2001:db8::10"))).isTrue();
        assertThat(list.allows(ip("::ffff:192.0.2.1"))).as("IPv4-mapped sender").isTrue();
    }

    @Test
    void namesAreResolvedAgainAndKeepTheirLastAddressesWhenDnsFails() throws Exception {
        dns.put("sense1.lab", new InetAddress[] {ip("192.0.2.10")});
        AllowListResolver resolver = resolver("sense1.lab");
        assertThat(resolver.resolve().allows(ip("192.0.2.10"))).isTrue();

        dns.put("sense1.lab", new InetAddress[] {ip("192.0.2.11")});
        SourceAllowList moved = resolver.resolve();
        assertThat(moved.allows(ip("192.0.2.11"))).isTrue();
        assertThat(moved.allows(ip("192.0.2.10"))).isFalse();

        dns.remove("sense1.lab");
        assertThat(resolver.resolve().allows(ip("192.0.2.11"))).isTrue();
    }

    @Test
    void nothingResolvingMeansDenyAllNeverAllowAll() throws Exception {
        SourceAllowList list = resolver("nowhere.lab").resolve();
        assertThat(list.deniesAll()).isTrue();
        assertThat(list.allows(ip("127.0.0.1"))).isFalse();

        assertThat(resolver().resolve().allows(ip("127.0.0.1"))).isFalse();
        assertThat(new AllowListResolver("t", false, new String[] {"x"}, n -> null).resolve().allows(ip("1.2.3.4")))
                .isTrue();
    }

    @Test
    void malformedEntriesAreRefusedByName() {
        assertThatThrownBy(() -> resolver("10.0.0.0/40")).hasMessageContaining("10.0.0.0/40");
        assertThatThrownBy(() -> resolver("sense1/8")).hasMessageContaining("'sense1' is not an IP address");
        assertThatThrownBy(() -> resolver("10.0.0.0/x")).hasMessageContaining("not a number");
    }

    @Test
    void rateLimiterRefillsOverTime() throws Exception {
        SourceRateLimiter limiter = new SourceRateLimiter(60, 2);
        InetAddress a = ip("192.0.2.1");
        InetAddress b = ip("192.0.2.2");
        assertThat(limiter.tryAcquire(a, 0)).isTrue();
        assertThat(limiter.tryAcquire(a, 0)).isTrue();
        assertThat(limiter.tryAcquire(a, 0)).isFalse();
        assertThat(limiter.tryAcquire(b, 0)).as("another source has its own bucket").isTrue();
        assertThat(limiter.tryAcquire(a, 999_000_000L)).isFalse();
        assertThat(limiter.tryAcquire(a, 1_000_000_000L)).as("one token a second").isTrue();
    }
}
