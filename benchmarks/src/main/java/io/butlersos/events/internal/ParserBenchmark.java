package io.butlersos.events.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.butlersos.api.events.UserAgentInfo;
import io.butlersos.events.internal.enrich.UserAgentReader;
import io.butlersos.events.internal.parse.LogDatagramParser;
import io.butlersos.events.internal.parse.ParseContext;
import io.butlersos.events.internal.parse.ParseResult;
import io.butlersos.events.internal.parse.UserDatagramParser;
import io.butlersos.simulator.udp.SenseDatagrams;
import io.butlersos.simulator.udp.SenseMessageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Nanoseconds to parse one datagram of each Sense message type, from bytes to a signal record
 * (app-name lookup and, for user events, the cached user agent reader included). 64 different
 * datagrams per type are cycled so branch prediction does not see one input only.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ParserBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParserBenchmark {

    @Param({"ENGINE", "PROXY", "REPOSITORY", "SCHEDULER", "QIX_PERF", "PROXY_SESSION", "PROXY_CONNECTION"})
    public SenseMessageType type;

    private byte[][] inputs;
    private int next;
    private LogDatagramParser logs;
    private UserDatagramParser users;
    private final Instant now = Instant.parse("2026-11-29T01:00:00Z");

    @Setup
    public void setUp() {
        SenseDatagrams datagrams = new SenseDatagrams(1, 20, 50, List.of("sense1", "sense2"), ZoneOffset.ofHours(1));
        inputs = new byte[64][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = datagrams.datagram(type, i, now.plusMillis(i));
        }
        Map<String, String> names = Map.of(datagrams.appIds().get(0), "Sales");
        ParseContext context = new ParseContext(Map.of("qs_env", "bench"), ZoneId.of("Europe/Stockholm"),
                names::get);
        logs = new LogDatagramParser(context);
        UserAgentReader agents = new UserAgentReader();
        users = new UserDatagramParser(context, agents);
    }

    @Benchmark
    public ParseResult parse() {
        byte[] data = inputs[next++ & 63];
        return type.userEvent() ? users.parse(data, 0, data.length, now) : logs.parse(data, 0, data.length, now);
    }
}
