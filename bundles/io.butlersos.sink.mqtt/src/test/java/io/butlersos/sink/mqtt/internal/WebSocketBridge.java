package io.butlersos.sink.mqtt.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A WebSocket front for a plain MQTT broker, as a web server or mosquitto's own websockets listener
 * would be: Debian's mosquitto 2.0.11 is built without websockets, so the test puts this in front of
 * it. It accepts the RFC 6455 handshake on one path (other paths get 404), then relays the client's
 * binary frames (unmasked) to the broker over TCP and the broker's bytes back as unmasked binary
 * frames. With an {@link SSLContext} it speaks TLS (wss). Listens on a free loopback port only.
 */
final class WebSocketBridge implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One accepted upgrade: what the client asked for and who it was. */
    record Upgrade(String path, String subprotocols, String clientCertificate) {
    }

    private final ServerSocket server;
    private final int brokerPort;
    private final String path;
    final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    /** Client frames relayed, and client frames that came unmasked (RFC 6455 requires a mask). */
    final AtomicInteger clientFrames = new AtomicInteger();
    final AtomicInteger unmaskedClientFrames = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private WebSocketBridge(ServerSocket server, int brokerPort, String path) {
        this.server = server;
        this.brokerPort = brokerPort;
        this.path = path;
        Thread acceptor = new Thread(this::acceptLoop, "ws-bridge-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** ws:// in front of the broker on {@code brokerPort}, serving {@code path}. */
    static WebSocketBridge plain(int brokerPort, String path) throws IOException {
        return new WebSocketBridge(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), brokerPort, path);
    }

    /** wss:// with the server context's certificate; {@code needClientAuth} asks for a client certificate. */
    static WebSocketBridge tls(int brokerPort, String path, SSLContext context, boolean needClientAuth)
            throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        socket.setNeedClientAuth(needClientAuth);
        return new WebSocketBridge(socket, brokerPort, path);
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                daemon("ws-bridge-conn", () -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String[] requestLine = readLine(in).split(" ");
            Map<String, String> headers = new TreeMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String key = headers.get("sec-websocket-key");
            if (requestLine.length < 2 || !requestLine[0].equals("GET") || !requestLine[1].equals(path) || key == null
                    || !"websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                refused.add(String.join(" ", requestLine));
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            upgrades.add(new Upgrade(requestLine[1], headers.getOrDefault("sec-websocket-protocol", ""),
                    clientCertificate(client)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort)) {
                open.add(broker);
                Thread back = daemon("ws-bridge-down", () -> brokerToClient(broker, out));
                clientToBroker(new DataInputStream(in), out, broker.getOutputStream());
                back.interrupt();
            }
        } catch (IOException | RuntimeException ended) {
            // the client or the broker went away: the relay ends with it
        }
    }

    /** The subject of the client's certificate over TLS, or empty. */
    private static String clientCertificate(Socket client) {
        if (!(client instanceof SSLSocket tls)) {
            return "";
        }
        try {
            return ((X509Certificate) tls.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException none) {
            return "";
        }
    }

    /** Client frames to broker bytes: unmask binary and continuation frames, answer ping and close. */
    private void clientToBroker(DataInputStream in, OutputStream client, OutputStream broker) throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            int opcode = first & 0x0F;
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            boolean masked = (second & 0x80) != 0;
            if (masked) {
                in.readFully(mask);
            } else {
                unmaskedClientFrames.incrementAndGet();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            clientFrames.incrementAndGet();
            switch (opcode) {
                case 0x0, 0x2 -> {
                    broker.write(payload);
                    broker.flush();
                }
                case 0x8 -> {
                    writeFrame(client, 0x8, payload, payload.length);
                    return;
                }
                case 0x9 -> writeFrame(client, 0xA, payload, payload.length);
                case 0xA -> { }
                default -> throw new IOException("MQTT over WebSocket allows binary frames only, got opcode " + opcode);
            }
        }
    }

    private void brokerToClient(Socket broker, OutputStream client) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = broker.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                writeFrame(client, 0x2, buffer, n);
            }
            writeFrame(client, 0x8, new byte[0], 0);
        } catch (IOException ended) {
            // the client side closed first
        }
    }

    /** One unmasked frame with FIN set (servers never mask). */
    private static synchronized void writeFrame(OutputStream out, int opcode, byte[] data, int length)
            throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(length + 10);
        frame.write(0x80 | opcode);
        if (length < 126) {
            frame.write(length);
        } else if (length < 65536) {
            frame.write(126);
            frame.write(length >>> 8);
            frame.write(length & 0xFF);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (((long) length >>> shift) & 0xFF));
            }
        }
        frame.write(data, 0, length);
        out.write(frame.toByteArray());
        out.flush();
    }

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed during the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
