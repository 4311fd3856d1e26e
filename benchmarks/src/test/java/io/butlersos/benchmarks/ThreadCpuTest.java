package io.butlersos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    // As jcmd <pid> Thread.print writes it on JDK 17 (trimmed).
    private static final String DUMP = """
            "butlersos-events-log-reader" #61 daemon prio=5 os_prio=0 cpu=2500.50ms elapsed=40.10s tid=0x1 nid=0x1a runnable  [0x0]
               java.lang.Thread.State: RUNNABLE
            "butlersos-events-log-parser-0" #59 daemon prio=5 os_prio=0 cpu=1000.00ms elapsed=40.10s tid=0x2 nid=0x1b waiting
            "butlersos-events-log-parser-1" #60 daemon prio=5 os_prio=0 cpu=500.25ms elapsed=40.10s tid=0x3 nid=0x1c waiting
            "qtp12345-42" #42 prio=5 os_prio=0 cpu=3.00ms elapsed=40.00s tid=0x4 nid=0x1d waiting
            "GC Thread#0" os_prio=0 cpu=700.00ms elapsed=41.00s tid=0x5 nid=0x1e runnable
            "GC Thread#1" os_prio=0 cpu=300.00ms elapsed=41.00s tid=0x6 nid=0x1f runnable
            "C2 CompilerThread0" #8 daemon prio=9 os_prio=0 cpu=4000.00ms elapsed=41.00s tid=0x7 nid=0x20 waiting
            """;

    @Test
    void sumsTheCpuOfEachJobsThreads() {
        Map<String, Double> jobs = ThreadCpu.byJob(DUMP);

        assertThat(jobs).containsEntry("butlersos-events-log-reader", 2500.5)
                .containsEntry("butlersos-events-log-parser", 1500.25)
                .containsEntry("garbage collector", 1000.0)
                .containsEntry("JIT compiler", 4000.0)
                .containsEntry("jetty", 3.0);
    }

    @Test
    void listsTheJobsThatGrewMostFirst() {
        Map<String, Double> before = Map.of("reader", 1000.0, "parser", 500.0, "timer", 10.0);
        Map<String, Double> after = Map.of("reader", 1500.0, "parser", 2500.0, "timer", 11.0);

        assertThat(ThreadCpu.top(before, after, 5)).isEqualTo("parser 2.00 s, reader 0.50 s");
    }
}
