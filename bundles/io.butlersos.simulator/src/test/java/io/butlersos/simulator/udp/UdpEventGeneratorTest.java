package io.butlersos.simulator.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UdpEventGeneratorTest {

    private static final Instant T = Instant.parse("2021-11-09T14:37:26.028Z");
    private final SenseDatagrams datagrams = new SenseDatagrams(7, 5, 10, List.of("sense1", "sense2"),
            ZoneOffset.ofHours(1));

    /** The field count of every layout, as the Sense appender patterns define it. */
    private static final Map<SenseMessageType, Integer> FIELDS = Map.of(SenseMessageType.ENGINE, 19,
            SenseMessageType.PROXY, 16, SenseMessageType.REPOSITORY, 16, SenseMessageType.SCHEDULER, 18,
            SenseMessageType.QIX_PERF, 26, SenseMessageType.PROXY_SESSION, 8, SenseMessageType.PROXY_CONNECTION, 8);

    @Test
    void everyTypeHasItsFieldCountAndTimestamps() {
        for (SenseMessageType type : SenseMessageType.values()) {
            String text = datagrams.text(type, 0, T);
            assertThat(text).startsWith(type.prefix()).doesNotContain("\n");
            // The user events' last field is free text (a user agent with ';'), the others have none at n = 0.
            int limit = type.userEvent() ? FIELDS.get(type) : -1;
            assertThat(text.split(";", limit)).as(type.name()).hasSize(FIELDS.get(type));
            if (!type.userEvent()) {
                assertThat(text.split(";")[2]).isEqualTo("20211109T153726.028+0100");
                assertThat(text.split(";")[3]).isEqualTo("2021-11-09 15:37:26,028");
            }
        }
    }

    @Test
    void awkwardCasesAppearAtFixedPlaces() {
        assertThat(datagrams.text(SenseMessageType.PROXY, 3, T)).contains("'; reason: 'no license'");
        assertThat(datagrams.text(SenseMessageType.PROXY_CONNECTION, 0, T)).contains("(Windows NT 10.0; Win64; x64)");
        assertThat(datagrams.text(SenseMessageType.QIX_PERF, 0, T)).contains(";0;;;").endsWith(";barchart");
        assertThat(datagrams.text(SenseMessageType.QIX_PERF, 2, T)).endsWith(";<Unknown>");
        assertThat(datagrams.text(SenseMessageType.SCHEDULER, 1, T)).contains(";;;CORP\\user002;");
        assertThat(datagrams.text(SenseMessageType.ENGINE, 4, T)).endsWith(datagrams.appIds().get(4).toUpperCase());
    }

    @Test
    void sendsEveryTypeToItsPort() throws Exception {
        try (DatagramSocket log = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket user = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                UdpEventGenerator generator = new UdpEventGenerator(datagrams,
                        (InetSocketAddress) log.getLocalSocketAddress(), (InetSocketAddress) user.getLocalSocketAddress())) {
            log.setSoTimeout(5000);
            user.setSoTimeout(5000);
            generator.sendAllTypes(2, 1000, T, Duration.ofMillis(1));

            assertThat(generator.sent()).isEqualTo(14);
            assertThat(receive(log, 10)).allSatisfy(text -> assertThat(text).doesNotStartWith("/qseow-proxy-session/"));
            assertThat(receive(user, 4)).allSatisfy(text -> assertThat(text).startsWith("/qseow-proxy-"));
        }
    }

    private static List<String> receive(DatagramSocket socket, int count) throws Exception {
        List<String> out = new ArrayList<>();
        byte[] buffer = new byte[65536];
        for (int i = 0; i < count; i++) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            out.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
