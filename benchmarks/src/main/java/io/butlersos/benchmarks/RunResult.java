package io.butlersos.benchmarks;

import java.util.Map;
import java.util.TreeMap;

/**
 * One run's figures, as differences between the counters before and after it.
 *
 * @param name what was asked for, e.g. {@code 100,000/s for 20 s}
 * @param send what the generator did
 * @param received datagrams the receiver read from its socket
 * @param receiverDrops datagrams the receiver read but did not publish, by reason
 * @param delivered signals the core delivered to the counting sink
 * @param sinkDropped signals the core dropped for the counting sink (queue full, rejected)
 * @param socketDrops datagrams the kernel dropped at the receiver's socket ({@code /proc/net/udp})
 * @param rcvbufErrors the system-wide {@code RcvbufErrors} over the run (any socket on the machine)
 * @param agentCpuNanos CPU time of the agent's JVM from the first datagram until the run settled
 * @param settleMillis from the last datagram sent until every count stood still
 * @param settled false when the counts still moved at the deadline
 * @param load load averages before and after
 */
record RunResult(String name, SendResult send, long received, Map<String, Long> receiverDrops, long delivered,
        long sinkDropped, long socketDrops, long rcvbufErrors, long agentCpuNanos, long settleMillis, boolean settled,
        String load) {

    static final String HEADER = "| run | sent | send rate reached /s | received | delivered | delivered/sent "
            + "| receiver drops | socket drops | kernel RcvbufErrors Δ | sink drops | agent CPU s | agent CPU µs/event "
            + "| settled after s | load average before → after |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    static RunResult of(String name, SendResult send, AgentStatus before, AgentStatus after, long socketDrops,
            long rcvbufErrors, long agentCpuNanos, long settleMillis, boolean settled, String load) {
        AgentStatus.ReceiverCounts r0 = before.receiver("log_events");
        AgentStatus.ReceiverCounts r1 = after.receiver("log_events");
        AgentStatus.SinkCounts s0 = before.sink(AgentInstall.SINK_NAME);
        AgentStatus.SinkCounts s1 = after.sink(AgentInstall.SINK_NAME);
        Map<String, Long> drops = new TreeMap<>();
        r1.droppedByReason().forEach((reason, total) -> {
            long delta = total - r0.droppedByReason().getOrDefault(reason, 0L);
            if (delta != 0) {
                drops.put(reason, delta);
            }
        });
        return new RunResult(name, send, r1.receivedSinceStart() - r0.receivedSinceStart(), drops,
                s1.delivered() - s0.delivered(), s1.droppedTotal() - s0.droppedTotal(), socketDrops, rcvbufErrors,
                agentCpuNanos, settleMillis, settled, load);
    }

    boolean lossless() {
        return delivered == send.sent() && socketDrops == 0 && receiverDrops.isEmpty() && sinkDropped == 0;
    }

    String row() {
        StringBuilder drops = new StringBuilder();
        receiverDrops.forEach((reason, count) -> drops.append(reason).append(' ').append(String.format("%,d", count)).append(", "));
        String dropText = drops.length() == 0 ? "none" : drops.substring(0, drops.length() - 2);
        return String.format("| %s | %,d | %,.0f | %,d | %,d | %.4f %% | %s | %,d | %,d | %,d | %.2f | %.2f | %s | %s |",
                name, send.sent(), send.perSecond(), received, delivered, 100.0 * delivered / Math.max(1, send.sent()),
                dropText, socketDrops, rcvbufErrors, sinkDropped, agentCpuNanos / 1e9,
                agentCpuNanos / 1e3 / Math.max(1, send.sent()),
                settled ? String.format("%.1f", settleMillis / 1000.0) : "NOT settled", load);
    }
}
