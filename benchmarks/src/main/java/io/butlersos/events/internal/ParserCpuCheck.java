package io.butlersos.events.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.events.internal.parse.LogDatagramParser;
import io.butlersos.events.internal.parse.ParseContext;
import io.butlersos.events.internal.parse.ParseResult;
import io.butlersos.events.internal.parse.UserDatagramParser;
import io.butlersos.simulator.udp.SenseDatagrams;
import io.butlersos.simulator.udp.SenseMessageType;

/**
 * CPU time (not wall time) per parse, per message type, on one thread: a figure that stays meaningful
 * on a machine shared with other work, where JMH's wall-clock scores measure waiting for a core.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.butlersos.events.internal.ParserCpuCheck [rounds] [per round]</pre>
 */
public final class ParserCpuCheck {

    private ParserCpuCheck() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        SenseDatagrams datagrams = new SenseDatagrams(1, 20, 50, List.of("sense1", "sense2"), ZoneOffset.ofHours(1));
        ParseContext context = new ParseContext(Map.of("qs_env", "bench"), ZoneId.of("Europe/Stockholm"), id -> null);
        LogDatagramParser logs = new LogDatagramParser(context);
        UserDatagramParser users = new UserDatagramParser(context,
                ua -> new UserAgentInfo("Chrome", "120", "120", "Windows", "10", ua));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Instant now = Instant.now();
        System.out.println("| message type | CPU ns per datagram (last round) | wall ns per datagram (last round) |");
        System.out.println("|---|---|---|");
        for (SenseMessageType type : SenseMessageType.values()) {
            byte[][] inputs = new byte[64][];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = datagrams.datagram(type, i, now.plusMillis(i));
            }
            double cpu = 0;
            double wall = 0;
            for (int round = 0; round < rounds; round++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                int parsed = 0;
                for (int i = 0; i < perRound; i++) {
                    byte[] data = inputs[i & 63];
                    ParseResult result = type.userEvent() ? users.parse(data, 0, data.length, now)
                            : logs.parse(data, 0, data.length, now);
                    if (result instanceof ParseResult.Parsed) {
                        parsed++;
                    }
                }
                if (parsed != perRound) {
                    throw new IllegalStateException(type + ": " + (perRound - parsed) + " datagrams refused");
                }
                cpu = (threads.getCurrentThreadCpuTime() - cpu0) / (double) perRound;
                wall = (System.nanoTime() - wall0) / (double) perRound;
            }
            System.out.printf("| %s | %,.0f | %,.0f |%n", type.prefix(), cpu, wall);
        }
    }
}
