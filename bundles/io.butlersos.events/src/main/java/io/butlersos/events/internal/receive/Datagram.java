package io.butlersos.events.internal.receive;

import java.net.InetAddress;

/**
 * One datagram as the reader took it off the socket.
 *
 * @param data the payload, exactly as long as the datagram
 * @param sender where it came from
 * @param receivedMillis when the reader took it, epoch milliseconds
 */
public record Datagram(byte[] data, InetAddress sender, long receivedMillis) {
}
