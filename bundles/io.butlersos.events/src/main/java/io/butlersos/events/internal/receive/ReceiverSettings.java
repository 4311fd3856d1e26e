package io.butlersos.events.internal.receive;

/**
 * How one UDP receiver runs. The first group needs a new socket when it changes; the rest apply live.
 *
 * @param name {@code log} or {@code user}, for thread names and log lines
 * @param bindAddress the local address to bind, an IPv4 or IPv6 literal or a name; {@code 0.0.0.0} / {@code ::} for all
 * @param port the UDP port
 * @param receiveBufferBytes the socket receive buffer to ask for (the OS may grant less)
 * @param workers parser threads
 * @param queueCapacity datagrams the hand-off holds at most
 * @param queueMemoryBytes bytes the hand-off holds at most
 * @param maxDatagramBytes larger datagrams are dropped
 * @param backpressurePct hand-off fill (percent of capacity) that raises a warning
 * @param allowListEnabled take datagrams only from allowed sources
 * @param allowedSources IP literals, {@code address/prefix} ranges and host names
 * @param allowListRefreshSeconds how often host names are resolved again
 * @param rateLimitEnabled limit each source's rate
 * @param ratePerMinute datagrams per minute and source
 * @param rateBurst datagrams a source may send at once
 */
public record ReceiverSettings(
        String name,
        String bindAddress,
        int port,
        int receiveBufferBytes,
        int workers,
        int queueCapacity,
        long queueMemoryBytes,
        int maxDatagramBytes,
        int backpressurePct,
        boolean allowListEnabled,
        String[] allowedSources,
        long allowListRefreshSeconds,
        boolean rateLimitEnabled,
        long ratePerMinute,
        long rateBurst) {

    /** Whether going from this to {@code next} needs a new socket and new threads. */
    public boolean needsRestart(ReceiverSettings next) {
        return !bindAddress.equals(next.bindAddress) || port != next.port
                || receiveBufferBytes != next.receiveBufferBytes || workers != next.workers
                || queueCapacity != next.queueCapacity;
    }
}
