package io.butlersos.events.internal.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver with real UDP sockets on loopback. */
class UdpReceiverTest {

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final ReceiverStats stats = new ReceiverStats();
    private UdpReceiver receiver;

    static ReceiverSettings settings(String bind) {
        return new ReceiverSettings("test", bind, 0, 1 << 20, 1, 1000, 1 << 24, 65_507, 80, false, new String[0], 300,
                false, 600, 100);
    }

    private UdpReceiver start(ReceiverSettings settings, DatagramHandler handler) throws IOException {
        receiver = new UdpReceiver(settings, handler, stats);
        receiver.start();
        return receiver;
    }

    private UdpReceiver start(ReceiverSettings settings) throws IOException {
        return start(settings, d -> {
            handled.add(new String(d.data(), StandardCharsets.UTF_8));
            return null;
        });
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    static void send(InetSocketAddress to, String text) throws IOException {
        send(to, text.getBytes(StandardCharsets.UTF_8));
    }

    static void send(InetSocketAddress to, byte[] data) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(data, data.length, to));
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void receivesOnIpv4LoopbackAndReportsTheGrantedBuffer() throws Exception {
        start(settings("127.0.0.1"));
        send(receiver.localAddress(), "hello");

        await("one datagram handled", () -> stats.processedTotal() == 1);
        assertThat(handled).containsExactly("hello");
        assertThat(receiver.grantedReceiveBuffer()).isPositive();
        assertThat(stats.receivedTotal()).isEqualTo(1);
        assertThat(stats.processedTotal()).isEqualTo(1);
    }

    @Test
    void receivesOnIpv6Loopback() throws Exception {
        assumeThat(ipv6LoopbackUsable()).as("IPv6 loopback configured").isTrue();
        start(settings("::1"));
        send(receiver.localAddress(), "over six");
        await("datagram over IPv6", () -> handled.contains("over six"));
    }

    @Test
    void allowListLetsListedSourcesThroughAndCountsTheOthers() throws Exception {
        ReceiverSettings base = settings("127.0.0.1");
        start(withAllowList(base, "10.0.0.0/8", "192.0.2.7"));
        send(receiver.localAddress(), "denied");
        await("the denial counted", () -> stats.droppedTotals().getOrDefault(DropReasons.SOURCE_DENIED, 0L) == 1);
        assertThat(handled).isEmpty();

        receiver.applyLive(withAllowList(base, "127.0.0.0/8"));
        send(receiver.localAddress(), "allowed by range");
        await("allowed by range", () -> handled.contains("allowed by range"));

        receiver.applyLive(withAllowList(base, "localhost"));
        send(receiver.localAddress(), "allowed by name");
        await("allowed by name", () -> handled.contains("allowed by name"));
    }

    @Test
    void allowListThatResolvesToNothingDeniesEverything() throws Exception {
        start(withAllowList(settings("127.0.0.1"), "no-such-host.invalid"));
        send(receiver.localAddress(), "x");
        await("denied", () -> stats.droppedTotals().getOrDefault(DropReasons.SOURCE_DENIED, 0L) == 1);

        receiver.applyLive(withAllowList(settings("127.0.0.1")));
        send(receiver.localAddress(), "y");
        await("denied again: an empty list is no list to fail open on",
                () -> stats.droppedTotals().getOrDefault(DropReasons.SOURCE_DENIED, 0L) == 2);
        assertThat(handled).isEmpty();
    }

    @Test
    void rateLimitIsPerSourceTokenBucket() throws Exception {
        ReceiverSettings base = settings("127.0.0.1");
        start(new ReceiverSettings("test", "127.0.0.1", 0, 1 << 20, 1, 1000, 1 << 24, 65_507, 80, false,
                new String[0], 300, true, 60, 5));
        InetSocketAddress to = receiver.localAddress();
        try (DatagramSocket noisy = new DatagramSocket(); DatagramSocket quiet = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            for (int i = 0; i < 20; i++) {
                byte[] data = ("noisy" + i).getBytes(StandardCharsets.UTF_8);
                noisy.send(new DatagramPacket(data, data.length, to));
            }
            byte[] data = "quiet".getBytes(StandardCharsets.UTF_8);
            await("noisy datagrams counted", () -> stats.receivedTotal() == 20);
            quiet.send(new DatagramPacket(data, data.length, to));
        }
        await("all counted", () -> stats.receivedTotal() == 21 && stats.processedTotal()
                + stats.droppedTotals().getOrDefault(DropReasons.RATE_LIMIT, 0L) == 21);
        // A burst of 5, plus at most one token refilled at one a second while the test ran.
        assertThat(handled.stream().filter(s -> s.startsWith("noisy")).count()).isBetween(5L, 6L);
        assertThat(handled).contains("quiet");
        assertThat(base.rateLimitEnabled()).isFalse();
    }

    @Test
    void oversizedDatagramsAreDroppedAndCounted() throws Exception {
        start(new ReceiverSettings("test", "127.0.0.1", 0, 1 << 20, 1, 1000, 1 << 24, 100, 80, false, new String[0],
                300, false, 600, 100));
        send(receiver.localAddress(), new byte[101]);
        send(receiver.localAddress(), "small");
        await("small handled", () -> handled.contains("small"));
        await("size drop", () -> stats.droppedTotals().getOrDefault(DropReasons.SIZE, 0L) == 1);
    }

    @Test
    void a64KiloByteDatagramArrivesWhole() throws Exception {
        start(settings("127.0.0.1"));
        byte[] big = new byte[65_000];
        java.util.Arrays.fill(big, (byte) 'a');
        send(receiver.localAddress(), big);
        await("big handled", () -> handled.size() == 1);
        assertThat(handled.get(0)).hasSize(65_000);
    }

    @Test
    void fullHandOffDropsWithoutBlockingTheReader() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(new ReceiverSettings("test", "127.0.0.1", 0, 1 << 20, 1, 2, 1 << 24, 65_507, 80, false, new String[0],
                300, false, 600, 100), d -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
        for (int i = 0; i < 10; i++) {
            send(receiver.localAddress(), "d" + i);
        }
        // At most three in the blocked worker's batch, two waiting, the rest dropped: the reader kept
        // reading all ten.
        await("all read", () -> stats.receivedTotal() == 10);
        await("drops counted", () -> stats.droppedTotals().getOrDefault(DropReasons.QUEUE_FULL, 0L) >= 5);
        release.countDown();
        await("the rest processed", () -> stats.processedTotal()
                + stats.droppedTotals().getOrDefault(DropReasons.QUEUE_FULL, 0L) == 10);
    }

    @Test
    void handlerDropReasonsAndErrorsAreCounted() throws Exception {
        start(settings("127.0.0.1"), d -> {
            String text = new String(d.data(), StandardCharsets.UTF_8);
            if (text.equals("boom")) {
                throw new IllegalStateException("test");
            }
            return text.equals("bad") ? "missing_fields" : null;
        });
        send(receiver.localAddress(), "bad");
        send(receiver.localAddress(), "boom");
        send(receiver.localAddress(), "good");
        await("three handled", () -> stats.processedTotal() == 1 && stats.droppedTotals().size() == 2);
        assertThat(stats.droppedTotals()).containsEntry("missing_fields", 1L)
                .containsEntry(DropReasons.HANDLER_ERROR, 1L);
    }

    @Test
    void bindFailureNamesTheAddress() throws Exception {
        start(settings("127.0.0.1"));
        int port = receiver.localAddress().getPort();
        UdpReceiver second = new UdpReceiver(new ReceiverSettings("test", "127.0.0.1", port, 1 << 20, 1, 10, 1 << 20,
                65_507, 80, false, new String[0], 300, false, 600, 100), d -> null, new ReceiverStats());
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(second::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1").hasMessageContaining(Integer.toString(port));
        } finally {
            second.close();
        }
    }

    static ReceiverSettings withAllowList(ReceiverSettings s, String... entries) {
        return new ReceiverSettings(s.name(), s.bindAddress(), s.port(), s.receiveBufferBytes(), s.workers(),
                s.queueCapacity(), s.queueMemoryBytes(), s.maxDatagramBytes(), s.backpressurePct(), true, entries, 300,
                s.rateLimitEnabled(), s.ratePerMinute(), s.rateBurst());
    }

    private static boolean ipv6LoopbackUsable() {
        try {
            NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getByName("::1"));
            return lo != null && lo.inetAddresses().anyMatch(a -> a instanceof Inet6Address);
        } catch (IOException e) {
            return false;
        }
    }
}
