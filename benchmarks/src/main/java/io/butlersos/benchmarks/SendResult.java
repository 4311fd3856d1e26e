package io.butlersos.benchmarks;

/**
 * What the generator did in one run.
 *
 * @param sent datagrams handed to the kernel
 * @param nanos from the first datagram to the last (of the slowest sender)
 * @param unreachable times the kernel reported that nobody listened (ICMP port unreachable)
 * @param cpuNanos CPU time of this tool's process while sending
 */
record SendResult(long sent, long nanos, long unreachable, long cpuNanos) {

    double perSecond() {
        return sent / Math.max(1e-9, nanos / 1e9);
    }
}
