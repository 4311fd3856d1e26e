package io.butlersos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class KernelUdpTest {

    @Test
    void readsRcvbufErrorsFromTheUdpLinesOfProcNetSnmp() {
        String snmp = """
                Ip: Forwarding DefaultTTL InReceives
                Ip: 1 64 123
                Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
                Udp: 9000000 12 8837 9000100 8837 0 0 0 0
                UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors
                UdpLite: 0 0 0 0 5 0 0 0 0
                """;

        assertThat(KernelUdp.rcvbufErrors(snmp)).isEqualTo(8837);
        assertThatThrownBy(() -> KernelUdp.rcvbufErrors("Ip: a\nIp: 1\n")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void findsTheDropsOfTheSocketBoundToThePortInProcNetUdp() {
        // Port 39996 = 0x9C3C; the last column counts the datagrams dropped at that socket.
        String udp = """
                   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
                  113: 0100007F:9C3C 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4242 2 0000000000000000 17
                  250: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4243 2 0000000000000000 0
                """;

        assertThat(KernelUdp.socketDrops(udp, 39996)).isEqualTo(OptionalLong.of(17));
        assertThat(KernelUdp.socketDrops(udp, 68)).isEqualTo(OptionalLong.of(0));
        assertThat(KernelUdp.socketDrops(udp, 9996)).isEmpty();
    }

    @Test
    void findsADualStackSocketInProcNetUdp6() {
        // Java binds 127.0.0.1 through an IPv6 socket: the address is IPv4-mapped (::ffff:127.0.0.1).
        String udp6 = """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
                 1022: 0000000000000000FFFF00000100007F:9D9A 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 98765 2 0000000000000000 3
                """;

        assertThat(KernelUdp.socketDrops(udp6, 40346)).isEqualTo(OptionalLong.of(3));
    }
}
